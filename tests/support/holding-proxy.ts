import http from 'node:http';
import type net from 'node:net';

export interface HoldingProxy {
  url: string;
  /** How many requests it is holding unanswered. */
  held: () => number;
  close: () => Promise<void>;
}

/**
 * An HTTP proxy in front of the real CMS that never answers requests whose path starts with
 * `holdPath` (until closed) and passes every other request on: a CMS that has stopped answering
 * one query while it still answers the rest, as an overloaded database makes it.
 */
export async function startHoldingProxy(target: string, holdPath: string): Promise<HoldingProxy> {
  const held = new Set<http.ServerResponse>();
  const server = http.createServer((request, response) => {
    if (new URL(request.url ?? '/', target).pathname.startsWith(holdPath)) {
      held.add(response);
      response.on('close', () => held.delete(response));
      return;
    }
    const upstream = http.request(
      new URL(request.url ?? '/', target),
      { method: request.method, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    held: () => held.size,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
