import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HostPage {
  body: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface HostSite {
  url: string;
  /** Serves `page` at `path` (and returns its full URL). */
  set: (path: string, page: HostPage | string) => string;
  close: () => Promise<void>;
}

/**
 * Somebody else's website (a radio station's), on another origin than the notice site: the pages
 * a test puts here, with the headers it asks for (a strict CSP, say); 404 for anything else.
 */
export async function startHostSite(): Promise<HostSite> {
  const pages = new Map<string, HostPage>();
  const server = http.createServer((request, response) => {
    const page = pages.get(new URL(request.url ?? '/', 'http://host').pathname);
    if (!page) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, {
      'content-type': page.contentType ?? 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      ...page.headers,
    });
    response.end(page.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    set: (path, page) => {
      pages.set(path, typeof page === 'string' ? { body: page } : page);
      return `${url}${path}`;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
