import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createSiteHandler, listen, type StaticServer } from '../../site/publisher/static-server.ts';

const site = inject('demoSite');

describe("the publisher's static server", () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await listen(createSiteHandler(() => site));
  });
  afterAll(() => server?.close());

  const get = (urlPath: string, headers: Record<string, string> = {}) => fetch(`${server.url}${urlPath}`, { headers });
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
