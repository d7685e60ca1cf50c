import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { guardedLookup, isPrivateAddress, PrivateAddressError } from '@tablica/shared/address-guard';

export interface PostResult {
  delivered: boolean;
  /** For the delivery log: "HTTP 204", "HTTP 500", "timeout after 10 s", "refused: …". */
  result: string;
}

/**
 * One POST of a signed JSON body. Delivered means a 2xx answer; a redirect is not followed (it
 * could lead anywhere, a private address included), a slow answer is cut after `timeoutMs`, and
 * an address the guard refuses is never connected to. Only the status is read of the answer.
 */
export function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  { allowPrivate, timeoutMs = 10_000 }: { allowPrivate: boolean; timeoutMs?: number },
): Promise<PostResult> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      resolve({ delivered: false, result: 'refused: not a valid address' });
      return;
    }
    if (target.protocol !== 'https:' && target.protocol !== 'http:') {
      resolve({ delivered: false, result: 'refused: only http and https addresses' });
      return;
    }
    // An address written as an IP is connected to without a lookup: judged here instead.
    const literal = target.hostname.replace(/^\[|\]$/g, '');
    if (!allowPrivate && isIP(literal) && isPrivateAddress(literal)) {
      resolve({ delivered: false, result: new PrivateAddressError(literal).message });
      return;
    }
    const client = target.protocol === 'https:' ? https : http;
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'user-agent': 'Tablica-Webhooks/1',
        },
        lookup: guardedLookup(allowPrivate) as never,
        timeout: timeoutMs,
      },
      (response) => {
        response.resume();
        const status = response.statusCode ?? 0;
        const redirect = status >= 300 && status < 400 ? ' (redirect not followed)' : '';
        resolve({ delivered: status >= 200 && status < 300, result: `HTTP ${status}${redirect}` });
      },
    );
    request.on('timeout', () => {
      request.destroy(new Error(`timeout after ${timeoutMs / 1000} s`));
    });
    request.on('error', (error: Error) => {
      resolve({ delivered: false, result: error.message.slice(0, 280) });
    });
    request.end(body);
  });
}
