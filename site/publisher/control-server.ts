import type http from 'node:http';
import { ReplayGuard } from '@tablica/shared/signing';
import { guard } from './http/guard.ts';
import type { Publisher } from './publisher.ts';
import { judgeWebhook } from './webhook.ts';

const json = (response: http.ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(JSON.stringify(body, null, 2));
};

/**
 * The publisher's own endpoints:
 *   POST /hooks/rebuild   the CMS's signed rebuild request (see @tablica/shared/signing);
 *                         ?force=1 accepts a sharp drop; ?full=1 renders every page again
 *   GET  /status          last build, its result and duration, the queue, the next scheduled build
 *   GET  /podglad/<token>/ a draft preview for the CMS's admin panel (preview.ts)
 */
export function createControlHandler(
  publisher: Publisher,
  secret: string,
  log: (message: string) => void,
  preview?: (request: http.IncomingMessage, response: http.ServerResponse, url: URL) => Promise<void>,
) {
  const replays = new ReplayGuard();
  return guard(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://publisher');
    if (url.pathname === '/status' && (request.method === 'GET' || request.method === 'HEAD')) {
      json(response, 200, await publisher.statusWithSubscriptions());
      return;
    }
    if (preview && url.pathname.startsWith('/podglad/')) {
      await preview(request, response, url);
      return;
    }
    if (url.pathname !== '/hooks/rebuild') {
      request.resume();
      json(response, 404, { error: 'not found' });
      return;
    }
    if (request.method !== 'POST') {
      request.resume();
      json(response, 405, { error: 'POST only' });
      return;
    }
    const verdict = await judgeWebhook(request, secret, replays);
    if (verdict.status !== 202) {
      if (verdict.status !== 401) log(`rebuild request refused (${verdict.status}): ${verdict.error}`);
      json(response, verdict.status, { error: verdict.error });
      return;
    }
    const { event, relevant } = verdict;
    if (relevant) {
      publisher.notify(
        `webhook: ${event.event}${event.model ? ` ${event.model}` : ''}`,
        event.removedNotice,
        url.searchParams.get('force') === '1',
        url.searchParams.get('full') === '1',
      );
    }
    json(response, 202, {
      accepted: relevant,
      queue: { running: publisher.queue.running, queued: publisher.queue.queued },
    });
  }, log);
}
