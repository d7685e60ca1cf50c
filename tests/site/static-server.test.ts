import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createSiteHandler, listen } from '../../site/publisher/static-server.ts';
import { SUBSCRIPTION_API } from '../../site/src/lib/subscription-paths.ts';
import { nginxAvailable, serveWithNginx } from '../support/nginx.ts';
import { tinyDeployDir } from '../support/tiny-build.ts';

const site = inject('demoSite');

/**
 * Issue 18, item 3: the same requests against both servers of a live site — the publisher's own
 * (npm start) and nginx with the configuration generated from the outputs manifest (production).
 */
interface Server {
  url: string;
  close: () => Promise<void>;
}
const SERVERS: {
  name: string;
  serve: (root: string) => Promise<Server>;
  /** Follows a symlink that stays inside the build (nginx follows none: stricter; builds have none). */
  symlinksInside: boolean;
  /**
   * Ignores a malformed Range header (200, the whole body), as RFC 9110 §14.2 suggests; nginx
   * answers 416 to some. Either way no wrong part is ever sent.
   */
  ignoresMalformedRanges: boolean;
}[] = [
  {
    name: "the publisher's Node server",
    // As the publisher serves a deploy directory: the build `current` names, asked per request;
    // none yet is a 503.
    serve: (root) => listen(createSiteHandler(() => (existsSync(root) ? realpathSync(root) : undefined))),
    symlinksInside: true,
    ignoresMalformedRanges: true,
  },
  ...(nginxAvailable()
    ? [
        {
          name: 'nginx',
          // As an operator runs it: a master, and a worker as an unprivileged user (nobody), so
          // that a file or directory a deploy leaves unreadable to others fails here too.
          serve: (root: string) => serveWithNginx(root, { workers: 1 }),
          symlinksInside: false,
          ignoresMalformedRanges: false,
        },
      ]
    : []),
];
if (SERVERS.length < 2) {
  console.warn(
    '\n*** nginx is not installed: the HTTP tests ran against the Node server only (CI installs nginx; apt-get install nginx) ***\n',
  );
}

describe.each(SERVERS)('$name', ({ serve, symlinksInside, ignoresMalformedRanges }) => {
  describe("the publisher's static server", () => {
    let server: Server;
    beforeAll(async () => {
      server = await serve(site);
    });
    afterAll(() => server?.close());

    const get = (urlPath: string, headers: Record<string, string> = {}) =>
      fetch(`${server.url}${urlPath}`, { headers });
    /** The raw bytes on the wire (fetch would undo the compression). */
    const raw = (urlPath: string, headers: Record<string, string>) =>
      new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
        http
          .get(`${server.url}${urlPath}`, { headers }, (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () =>
              resolve({ encoding: response.headers['content-encoding'], body: Buffer.concat(chunks) }),
            );
          })
          .on('error', reject);
      });

    test.each([
      ['/rss.xml', 'application/rss+xml; charset=utf-8'],
      ['/sitemap.xml', 'application/xml; charset=utf-8'],
      ['/cap/index.atom', 'application/atom+xml; charset=utf-8'],
      ['/calendar/institution/pwik-brzozow.ics', 'text/calendar; charset=utf-8'],
      ['/feed.json', 'application/json; charset=utf-8'],
      ['/widget/pl.json', 'application/json; charset=utf-8'],
      ['/embed.js', 'text/javascript; charset=utf-8'],
      ['/', 'text/html; charset=utf-8'],
    ])('%s is served as %s', async (urlPath, type) => {
      const response = await get(urlPath);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
    });

    test('the CAP index declares for each message the type the server sends for it', async () => {
      const index = await (await get('/cap/index.atom')).text();
      const links = [...index.matchAll(/<link rel="alternate" type="([^"]+)" href="([^"]+)"\/>/g)];
      expect(links.length).toBeGreaterThan(0);
      for (const [, declared, href] of links) {
        const response = await get(new URL(href ?? '').pathname);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')?.split(';')[0]).toBe(declared);
      }
    });

    test('compresses text, and the bytes are the file', async () => {
      const response = await raw('/rss.xml', { 'accept-encoding': 'gzip' });
      expect(response.encoding).toBe('gzip');
      expect(gunzipSync(response.body).toString('utf8')).toBe(readFileSync(path.join(site, 'rss.xml'), 'utf8'));
    });

    test('caching: hashed assets forever, notices revalidated every time (ETag, 304)', async () => {
      const asset = readdirSync(path.join(site, '_astro')).find((file) => file.endsWith('.css'));
      expect((await get(`/_astro/${asset}`)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const page = await get('/widget/pl.json');
      expect(page.headers.get('cache-control')).toBe('public, no-cache');
      const etag = page.headers.get('etag') ?? '';
      expect(etag).not.toBe('');
      expect((await get('/widget/pl.json', { 'if-none-match': etag })).status).toBe(304);
    });

    test('CORS only where other sites read: widget data and oEmbed', async () => {
      expect((await get('/widget/pl.json')).headers.get('access-control-allow-origin')).toBe('*');
      expect((await get('/oembed.json')).headers.get('access-control-allow-origin')).toBe('*');
      expect((await get('/')).headers.get('access-control-allow-origin')).toBeNull();
    });

    test('read-only, and missing pages get the site 404 page', async () => {
      expect((await fetch(`${server.url}/`, { method: 'POST' })).status).toBe(405);
      const missing = await get('/nie-ma-takiej-strony/');
      expect(missing.status).toBe(404);
      expect(await missing.text()).toContain('<html');
    });
  });

  describe('Range requests (RFC 9110 §14): one byte range honoured, anything else the whole body or 416', () => {
    let server: Server;
    let deployDir: string;
    const body = 'User-agent: *\nAllow: /\n'; // robots.txt of the tiny build: 23 bytes
    beforeAll(async () => {
      const tiny = tinyDeployDir();
      deployDir = tiny.deployDir;
      server = await serve(tiny.build);
    });
    afterAll(async () => {
      await server?.close();
      rmSync(deployDir, { recursive: true, force: true });
    });

    test.each([
      // [Range, status, the bytes sent (206/200) or the Content-Range of a 416]
      ['bytes=0-4', 206, 'bytes 0-4/23'],
      ['bytes=5-', 206, 'bytes 5-22/23'],
      ['bytes=-5', 206, 'bytes 18-22/23'],
      ['bytes=-500', 206, 'bytes 0-22/23'],
      ['bytes=20-99', 206, 'bytes 20-22/23'],
      ['bytes=22-22', 206, 'bytes 22-22/23'],
      ['bytes = 0-4', 206, 'bytes 0-4/23'],
      ['BYTES=0-4', 206, 'bytes 0-4/23'],
      ['bytes=23-', 416, 'bytes */23'],
      ['bytes=100-200', 416, 'bytes */23'],
      ['bytes=-0', 416, 'bytes */23'],
      ['bytes=5-1', 200, null],
      ['bytes=abc', 200, null],
      ['bytes=-', 200, null],
      ['bytes=', 200, null],
      ['items=5-1', 200, null],
      ['items=0-4', 200, null],
      ['bytes=0-1,3-4', 200, null],
      ['bytes=99999999999999999999-', 200, null],
      ['bytes=--1', 200, null],
      ['bytes=1-2-3', 200, null],
    ])('Range: %s → %i %s', async (range, status, contentRange) => {
      const response = await fetch(`${server.url}/robots.txt`, { headers: { range } });
      const text = await response.text();
      if (status === 200 && !ignoresMalformedRanges && response.status !== 200) {
        expect(response.status).toBe(416);
        return;
      }
      if (range === 'bytes = 0-4' && !ignoresMalformedRanges && response.status === 200) {
        // Spaces around "=" are not in the grammar: ignoring the header (the whole body) is right too.
        expect(text).toBe(body);
        return;
      }
      expect(response.status).toBe(status);
      expect(response.headers.get('content-range')).toBe(contentRange);
      if (status === 206) {
        const [, start, end] = (contentRange ?? '').match(/(\d+)-(\d+)/) ?? [];
        expect(text).toBe(body.slice(Number(start), Number(end) + 1));
      }
      if (status === 200) expect(text).toBe(body);
      // The server is still there for the next one.
      expect((await fetch(`${server.url}/robots.txt`)).status).toBe(200);
    });
  });

  describe('nothing outside the live build is served, whatever the path or a symlink in the build says', () => {
    let server: Server;
    let deployDir: string;
    let outside: string;
    beforeAll(async () => {
      const tiny = tinyDeployDir();
      deployDir = tiny.deployDir;
      outside = mkdtempSync(path.join(tmpdir(), 'tablica-outside-'));
      writeFileSync(path.join(outside, 'secret.txt'), 'not for the public');
      symlinkSync(path.join(outside, 'secret.txt'), path.join(tiny.build, 'leak.txt'));
      symlinkSync(outside, path.join(tiny.build, 'leakdir'));
      symlinkSync('/etc/hostname', path.join(tiny.build, 'hostname'));
      symlinkSync('robots.txt', path.join(tiny.build, 'robots-alias.txt'));
      writeFileSync(path.join(tiny.build, '.tablica-page-keys.json'), '{"site":"not for the public"}');
      server = await serve(tiny.build);
    });
    afterAll(async () => {
      await server?.close();
      rmSync(deployDir, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    });

    test.each([
      '/leak.txt',
      '/leakdir/secret.txt',
      '/hostname',
      '/../../../etc/hostname',
      '/%2e%2e/%2e%2e/etc/hostname',
      '/..%2f..%2fetc/hostname',
      '/robots.txt%00.html',
      '/%E0%A4%A',
      // The build's own records (its incremental keys) are dot-files: never served.
      '/.tablica-page-keys.json',
      '/%2etablica-page-keys.json',
    ])('%s → 404 with the site page', async (urlPath) => {
      const response = await fetch(`${server.url}${urlPath}`);
      expect(response.status).toBe(404);
      const text = await response.text();
      expect(text).not.toContain('not for the public');
      expect(text).toContain('Nie ma');
    });

    test('a symlink that stays inside the build is served (Node) or refused like any other (nginx)', async () => {
      const response = await fetch(`${server.url}/robots-alias.txt`);
      if (symlinksInside) expect(await response.text()).toContain('User-agent');
      else expect(response.status).toBe(404);
    });
  });

  describe('deploys: 503 before the first build, then each request from the build live when it came', () => {
    let server: Server;
    let deployDir: string;
    let current: string;
    beforeAll(async () => {
      const tiny = tinyDeployDir();
      deployDir = tiny.deployDir;
      current = path.join(deployDir, 'current');
      // A second build, and no live one yet.
      cpSync(tiny.build, path.join(deployDir, 'builds', 'second'), { recursive: true });
      writeFileSync(path.join(deployDir, 'builds', 'second', 'index.html'), '<!doctype html><title>Druga</title>');
      rmSync(current);
      server = await serve(current);
    });
    afterAll(async () => {
      await server?.close();
      rmSync(deployDir, { recursive: true, force: true });
    });
    const switchTo = (id: string) => {
      symlinkSync(path.join('builds', id), `${current}.next`);
      renameSync(`${current}.next`, current);
    };

    test('no build live yet: 503 with Retry-After, not a 404', async () => {
      const response = await fetch(`${server.url}/`);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('10');
      expect(await response.text()).toContain('not ready yet');
    });

    test('a switch of `current` is seen by the next request, with nothing to reload', async () => {
      switchTo('20260101-000000');
      expect(await (await fetch(`${server.url}/`)).text()).toContain('<h1>Tablica</h1>');
      switchTo('second');
      expect(await (await fetch(`${server.url}/`)).text()).toContain('Druga');
    });
  });

  describe('security headers on every answer', () => {
    let server: Server;
    beforeAll(async () => {
      server = await serve(site);
    });
    afterAll(() => server?.close());

    test.each(['/', '/komunikaty/', '/rss.xml', '/widget/pl.json', '/nie-ma-takiej-strony/', '/embed.js'])(
      '%s: CSP without unsafe-inline, nosniff, Referrer-Policy, Permissions-Policy, no framing',
      async (urlPath) => {
        const response = await fetch(`${server.url}${urlPath}`);
        const csp = response.headers.get('content-security-policy') ?? '';
        expect(csp).toContain("default-src 'none'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).not.toContain("'unsafe-inline'");
        expect(csp).not.toContain("'unsafe-eval'");
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
        expect(response.headers.get('permissions-policy')).toContain('camera=()');
        expect(response.headers.get('x-frame-options')).toBe('DENY');
      },
    );

    test('the embed pages stay framable by any site', async () => {
      const embed = readdirSync(path.join(site, 'embed')).find((name) => !name.includes('.'));
      for (const urlPath of ['/embed/', `/embed/${embed}/`]) {
        const response = await fetch(`${server.url}${urlPath}`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-security-policy')).toContain('frame-ancestors *');
        expect(response.headers.get('x-frame-options')).toBeNull();
      }
    });

    test("the one inline script's hash is in the policy (and the build lists it)", async () => {
      const html = await (await fetch(`${server.url}/`)).text();
      const inline = html.match(/<script>([\s\S]*?)<\/script>/)?.[1] ?? '';
      expect(inline.length).toBeGreaterThan(50);
      const hash = `sha256-${createHash('sha256').update(inline).digest('base64')}`;
      const csp = (await fetch(`${server.url}/`)).headers.get('content-security-policy') ?? '';
      expect(csp).toContain(`'${hash}'`);
    });
  });
});

describe.runIf(nginxAvailable())('nginx in front of the publisher', () => {
  let nginx: Server;
  let upstream: http.Server;
  const seen: { method: string; url: string; realIp: string | undefined; forwardedFor: string | undefined }[] = [];
  beforeAll(async () => {
    upstream = http.createServer((request, response) => {
      seen.push({
        method: request.method ?? '',
        url: request.url ?? '',
        realIp: request.headers['x-real-ip'] as string | undefined,
        forwardedFor: request.headers['x-forwarded-for'] as string | undefined,
      });
      response.writeHead(202, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const { port } = upstream.address() as { port: number };
    nginx = await serveWithNginx(site, { upstream: `http://127.0.0.1:${port}`, workers: 1 });
  });
  afterAll(async () => {
    await nginx?.close();
    upstream?.close();
  });

  test('sign-ups (POST) reach the publisher, with the client address it limits by, not one the client claims', async () => {
    const response = await fetch(`${nginx.url}${SUBSCRIPTION_API}/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-real-ip': '203.0.113.9' },
      body: '{}',
    });
    expect(response.status).toBe(202);
    expect(seen.at(-1)).toMatchObject({ method: 'POST', url: `${SUBSCRIPTION_API}/signup`, realIp: '127.0.0.1' });
    // The files stay read-only.
    expect((await fetch(`${nginx.url}/rss.xml`, { method: 'POST' })).status).toBe(405);
  });
});
