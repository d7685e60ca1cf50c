import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import compression from 'compression';
import sirv from 'sirv';

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;

/** Content types sirv's table leaves generic or without a charset. */
const CONTENT_TYPES: [RegExp, string][] = [
  [/(^|\/)rss\.xml$/, 'application/rss+xml; charset=utf-8'],
  [/\.atom$/, 'application/atom+xml; charset=utf-8'],
  [/\.xml$/, 'application/xml; charset=utf-8'],
  [/\.ics$/, 'text/calendar; charset=utf-8'],
  [/\.json$/, 'application/json; charset=utf-8'],
  [/\.(js|mjs)$/, 'text/javascript; charset=utf-8'],
  [/(\.html|\/)$/, 'text/html; charset=utf-8'],
];

/**
 * How long browsers and CDNs may keep a file. Hashed assets forever; the embed scripts a few
 * minutes; everything that carries notices must be revalidated (ETag → 304) on every use, so a
 * publish or an end is seen at once.
 */
function cacheControl(pathname: string): string {
  if (pathname.startsWith('/_astro/')) return 'public, max-age=31536000, immutable';
  if (/^\/(embed|embed-frame)\.js$|^\/favicon\.svg$/.test(pathname)) return 'public, max-age=300';
  return 'public, no-cache';
}

/** Public, read-only data other sites' pages fetch: the widget data and the oEmbed answers. */
const isCrossOrigin = (pathname: string) =>
  pathname.startsWith('/widget/') || pathname.startsWith('/oembed') || pathname === '/embed.js';

/**
 * Serves a built site as a static host would (sirv: content types, ETags, ranges; compression:
 * gzip/brotli), with the site's 404.html (status 404) for anything missing. `root()` is asked on
 * every request, so the directory can be switched atomically under a running server: a request
 * is answered wholly from the build that was live when it arrived. While there is no build yet
 * (`root()` gives undefined) the answer is 503.
 */
export function createSiteHandler(root: () => string | undefined): Handler {
  const compress = compression();
  const byRoot = new Map<string, Handler>();
  const handlerFor = (directory: string): Handler => {
    const cached = byRoot.get(directory);
    if (cached) return cached;
    const files = sirv(directory, {
      dev: false,
      etag: true,
      setHeaders: (response, pathname) => {
        const type = CONTENT_TYPES.find(([pattern]) => pattern.test(pathname))?.[1];
        if (type) response.setHeader('content-type', type);
        response.setHeader('cache-control', cacheControl(pathname));
        response.setHeader('x-content-type-options', 'nosniff');
        if (isCrossOrigin(pathname)) response.setHeader('access-control-allow-origin', '*');
      },
    });
    let notFoundPage: Buffer | undefined;
    const handler: Handler = (request, response) =>
      files(request, response, () => {
        // sirv answers 200 for whatever it sends, so the 404 page is sent by hand.
        notFoundPage ??= readNotFoundPage(directory);
        response.writeHead(404, {
          'content-type': 'text/html; charset=utf-8',
          'content-length': notFoundPage.length,
          'cache-control': 'public, no-cache',
        });
        response.end(request.method === 'HEAD' ? undefined : notFoundPage);
      });
    // Only the live build and the one before stay warm; older ones are gone from disk anyway.
    if (byRoot.size >= 2) byRoot.delete(byRoot.keys().next().value as string);
    byRoot.set(directory, handler);
    return handler;
  };
  return (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('read-only');
      return;
    }
    const directory = root();
    if (!directory) {
      response.writeHead(503, { 'retry-after': '10', 'content-type': 'text/plain; charset=utf-8' });
      response.end('Tablica: the first build of the site is not ready yet.');
      return;
    }
    const handler = handlerFor(directory);
    compress(request as never, response as never, () => handler(request, response));
  };
}

function readNotFoundPage(directory: string): Buffer {
  try {
    return readFileSync(path.join(directory, '404.html'));
  } catch {
    return Buffer.from('Not found');
  }
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
