import { createReadStream, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import compression from 'compression';
import { CACHE_CONTROL, contentTypeOf, outputPaths, servingRule } from '../src/lib/outputs/manifest.ts';
import { resolveFile } from './http/files.ts';
import { guard, type Handler } from './http/guard.ts';
import { parseRange } from './http/range.ts';
import { type InlineHashes, readInlineHashes, securityHeaders } from './http/security-headers.ts';

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

/** A weak validator from size and modification time: builds are immutable once live. */
const etagOf = (size: number, mtimeMs: number) => `W/"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`;

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === bare);
}

interface BuildDirectory {
  root: string;
  hashes: InlineHashes;
  notFoundPage: Buffer;
}

function openBuild(root: string): BuildDirectory {
  // A build without the list inlines nothing we allow: the strictest policy.
  const hashes = readInlineHashes(root);
  let notFoundPage: Buffer;
  try {
    notFoundPage = readFileSync(path.join(root, outputPaths.notFound));
  } catch {
    notFoundPage = Buffer.from('Not found');
  }
  return { root, hashes, notFoundPage };
}

/** Answers one GET or HEAD from a build directory. */
function serveFile(build: BuildDirectory, request: http.IncomingMessage, response: http.ServerResponse) {
  const pathname = new URL(request.url ?? '/', 'http://site').pathname;
  const security = securityHeaders(pathname, build.hashes);
  const found = resolveFile(build.root, pathname);
  const head = request.method === 'HEAD';
  if (!found) {
    response.writeHead(404, {
      ...security,
      'content-type': 'text/html; charset=utf-8',
      'content-length': build.notFoundPage.length,
      'cache-control': CACHE_CONTROL.revalidate,
    });
    response.end(head ? undefined : build.notFoundPage);
    return;
  }
  const { size, mtimeMs, mtime } = found.stats;
  const etag = etagOf(size, mtimeMs);
  const rule = servingRule(pathname);
  const headers: Record<string, string | number> = {
    ...security,
    'content-type': contentTypeOf(pathname, found.file),
    'cache-control': CACHE_CONTROL[rule.cache],
    etag,
    'last-modified': mtime.toUTCString(),
    'accept-ranges': 'bytes',
    ...(rule.crossOrigin ? { 'access-control-allow-origin': '*' } : {}),
    ...(rule.download ? { 'content-disposition': 'attachment' } : {}),
  };
  const ifNoneMatch = request.headers['if-none-match'];
  const ifModifiedSince = request.headers['if-modified-since'];
  const notModified = ifNoneMatch
    ? matchesEtag(ifNoneMatch, etag)
    : ifModifiedSince !== undefined && Date.parse(ifModifiedSince) >= Math.floor(mtimeMs / 1000) * 1000;
  if (notModified) {
    response.writeHead(304, headers);
    response.end();
    return;
  }
  // If-Range: the range holds only for the representation the client already has.
  const ifRange = request.headers['if-range'];
  const range = ifRange && ifRange !== etag ? ({ kind: 'whole' } as const) : parseRange(request.headers.range, size);
  if (range.kind === 'unsatisfiable') {
    response.writeHead(416, { ...security, 'content-range': `bytes */${size}`, 'content-type': 'text/plain' });
    response.end();
    return;
  }
  const [start, end] = range.kind === 'part' ? [range.start, range.end] : [0, size - 1];
  if (range.kind === 'part') headers['content-range'] = `bytes ${start}-${end}/${size}`;
  headers['content-length'] = end - start + 1;
  response.writeHead(range.kind === 'part' ? 206 : 200, headers);
  if (head || size === 0) {
    response.end();
    return;
  }
  const stream = createReadStream(found.file, { start, end });
  stream.on('error', () => response.destroy());
  response.on('close', () => stream.destroy());
  stream.pipe(response);
}

/**
 * Serves a built site as a static host would (content types, ETags, single byte ranges, gzip and
 * brotli through `compression`, the security headers), with the site's 404.html for anything
 * missing or outside the build. `root()` is asked on every request, so the directory can be
 * switched atomically under a running server: a request is answered wholly from the build that
 * was live when it arrived. While there is no build yet (`root()` gives undefined) the answer is 503.
 */
export function createSiteHandler(
  root: () => string | undefined,
  log: (message: string) => void = (message) => console.error(`[site] ${message}`),
  dynamic?: { prefix: string; handle: Handler },
): Handler {
  // A part of a file is sent as it is: compressing a range would change what its offsets mean.
  const compress = compression({
    filter: (request, response) => request.headers.range === undefined && compression.filter(request, response),
  });
  const byRoot = new Map<string, BuildDirectory>();
  const buildFor = (directory: string): BuildDirectory => {
    const cached = byRoot.get(directory);
    if (cached) return cached;
    const build = openBuild(directory);
    // Only the live build and the one before stay warm; older ones are gone from disk anyway.
    if (byRoot.size >= 2) byRoot.delete(byRoot.keys().next().value as string);
    byRoot.set(directory, build);
    return build;
  };
  return guard((request, response) => {
    // The one part of the site that is not files: subscriptions (sign-up, confirm, manage).
    if (dynamic && isUnder(request.url, dynamic.prefix)) return dynamic.handle(request, response);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      request.resume();
      response
        .writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain', 'x-content-type-options': 'nosniff' })
        .end('read-only');
      return;
    }
    const directory = root();
    if (!directory) {
      response.writeHead(503, {
        'retry-after': '10',
        'content-type': 'text/plain; charset=utf-8',
        'x-content-type-options': 'nosniff',
      });
      response.end('Tablica: the first build of the site is not ready yet.');
      return;
    }
    const build = buildFor(directory);
    compress(request as never, response as never, () => serveFile(build, request, response));
  }, log);
}

function isUnder(url: string | undefined, prefix: string): boolean {
  const pathname = new URL(url ?? '/', 'http://site').pathname;
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

/** Starts an HTTP server for `handler` on 127.0.0.1 (port 0: any free port). */
export async function listen(handler: Handler, { host = '127.0.0.1', port = 0 } = {}): Promise<StaticServer> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Serves one built directory. */
export function serveSite(directory: string, options: { host?: string; port?: number } = {}): Promise<StaticServer> {
  return listen(
    createSiteHandler(() => directory),
    options,
  );
}
