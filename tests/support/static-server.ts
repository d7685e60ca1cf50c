import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface StaticServer {
  url: string;
  close: () => Promise<void>;
}

/** Serves a built site on 127.0.0.1 as a static host would, with its 404 page for missing paths. */
export async function serveDirectory(directory: string): Promise<StaticServer> {
  const files = sirv(directory, { dev: false, etag: true });
  const notFound = sirv(directory, { dev: false });
  const server = http.createServer((request, response) =>
    files(request, response, (): void => {
      response.statusCode = 404;
      request.url = '/404.html';
      notFound(request, response, () => {
        response.end('Not found');
      });
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
