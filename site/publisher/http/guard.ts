import type http from 'node:http';

export type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void | Promise<void>;

/**
 * No request may end the process: whatever a handler throws or rejects with is logged once and
 * answered 500 (or, when the answer had already begun, the connection is closed). Errors of the
 * request and response streams themselves (a client that vanishes mid-body) are absorbed too.
 */
export function guard(handler: Handler, log: (message: string) => void): Handler {
  return (request, response) => {
    const fail = (error: unknown) => {
      log(
        // The path only: a query may carry a subscriber's link token.
        `request failed: ${request.method} ${String(request.url).split('?')[0]?.slice(0, 200)}: ${(error as Error)?.message ?? error}`,
      );
      if (!response.headersSent) {
        response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' });
        response.end('Tablica: internal error.');
      } else {
        response.destroy();
      }
    };
    // A client that resets its connection makes these emit 'error'; unhandled, that would throw.
    request.on('error', () => request.destroy());
    response.on('error', () => response.destroy());
    try {
      const result = handler(request, response);
      if (result instanceof Promise) result.catch(fail);
    } catch (error) {
      fail(error);
    }
  };
}
