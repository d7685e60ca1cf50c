import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import sirv from 'sirv';

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

/**
 * Serves a built site as a static host would: files with their content types, `index.html` for
 * directories, the site's `404.html` (with status 404) for anything missing.
 */
export async function serveSite(directory: string, { host = '127.0.0.1', port = 0 } = {}): Promise<StaticServer> {
  const files = sirv(directory, {
    dev: false,
    etag: true,
    // Widgets on other sites fetch their data from here; it is public and read-only.
    setHeaders: (response, pathname) => {
      if (pathname.startsWith('/widget/')) response.setHeader('access-control-allow-origin', '*');
    },
  });
  const notFoundPage = () => readFile(path.join(directory, '404.html')).catch(() => Buffer.from('Not found'));
  const server = http.createServer((request, response) =>
    files(request, response, async (): Promise<void> => {
      // sirv answers 200 for whatever it sends, so the 404 page is sent by hand.
      const body = await notFoundPage();
      response.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
      response.end(request.method === 'HEAD' ? undefined : body);
    }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
