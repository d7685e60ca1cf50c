import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { guardedLookup, isPrivateAddress, PrivateAddressError } from '@tablica/shared/address-guard';
import webpush from 'web-push';
import { textFor } from './compose.ts';
import type { VersionMessage } from './live-versions.ts';
import type { PushSubscriber } from './store.ts';
import { SUBSCRIPTION_WORDS } from './words.ts';

/**
 * Web Push (RFC 8030) with VAPID (RFC 8292) and encrypted payloads (RFC 8291, aes128gcm), made by
 * the `web-push` library; the request itself is sent here, so that the same SSRF guard as for
 * newsroom webhooks decides where it may go (a push endpoint is an address a browser gave us).
 */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  /** Who runs the sender (RFC 8292 `sub`): a mailto: or https: address push services may contact. */
  subject: string;
}

/** The operator's keys (TABLICA_VAPID_PUBLIC_KEY / _PRIVATE_KEY), or a pair made once on this machine. */
export function vapidKeys(file: string, env: NodeJS.ProcessEnv, subject: string): VapidKeys {
  if (env.TABLICA_VAPID_PUBLIC_KEY && env.TABLICA_VAPID_PRIVATE_KEY) {
    return { publicKey: env.TABLICA_VAPID_PUBLIC_KEY, privateKey: env.TABLICA_VAPID_PRIVATE_KEY, subject };
  }
  if (!existsSync(file)) {
    writeFileSync(file, JSON.stringify(webpush.generateVAPIDKeys()), { mode: 0o600, flag: 'wx' });
  }
  const { publicKey, privateKey } = JSON.parse(readFileSync(file, 'utf8')) as VapidKeys;
  return { publicKey, privateKey, subject };
}

/** What the service worker shows: the version in the reader's language (or the original). */
export function pushPayload(message: VersionMessage, language: string) {
  const { text } = textFor(message, language);
  const words = SUBSCRIPTION_WORDS[text.locale];
  return {
    title: `${words.kindLabel[message.kind]}${text.title}`,
    body: `${text.period}. ${text.summary}`.slice(0, 300),
    url: text.url,
    lang: text.locale,
    // One notification per notice: a newer version replaces the older one on the screen.
    tag: message.slug,
  };
}

export interface PushResult {
  delivered: boolean;
  /** The push service says the subscription no longer exists (404, 410): forget it. */
  gone: boolean;
  result: string;
}

export async function sendPush(
  subscriber: PushSubscriber,
  payload: object,
  { vapid, allowPrivate, timeoutMs = 10_000 }: { vapid: VapidKeys; allowPrivate: boolean; timeoutMs?: number },
): Promise<PushResult> {
  const details = webpush.generateRequestDetails(
    { endpoint: subscriber.endpoint, keys: { p256dh: subscriber.p256dh, auth: subscriber.auth } },
    JSON.stringify(payload),
    {
      vapidDetails: vapid,
      TTL: 24 * 3_600,
      urgency: 'high',
      // The push service keeps only the newest undelivered message of a notice (RFC 8030 §5.4).
      topic: createHash('sha256')
        .update(String((payload as { tag?: string }).tag))
        .digest('base64url')
        .slice(0, 32),
    },
  );
  const target = new URL(details.endpoint);
  const literal = target.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && isIP(literal) && isPrivateAddress(literal)) {
    return { delivered: false, gone: false, result: new PrivateAddressError(literal).message };
  }
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: details.headers as Record<string, string>,
        lookup: guardedLookup(allowPrivate) as never,
        timeout: timeoutMs,
      },
      (response) => {
        response.resume();
        const status = response.statusCode ?? 0;
        resolve({
          delivered: status >= 200 && status < 300,
          gone: status === 404 || status === 410,
          result: `HTTP ${status}`,
        });
      },
    );
    request.on('timeout', () => request.destroy(new Error(`timeout after ${timeoutMs / 1000} s`)));
    request.on('error', (error: Error) => resolve({ delivered: false, gone: false, result: error.message }));
    request.end(details.body ?? undefined);
  });
}

/** A subscription as the browser's PushManager gives it, checked: an https endpoint (http only where private targets are allowed), P-256 key and auth secret. */
export function parsePushSubscription(
  value: unknown,
  allowPrivate: boolean,
): { endpoint: string; p256dh: string; auth: string } | undefined {
  const subscription = value as { endpoint?: unknown; keys?: { p256dh?: unknown; auth?: unknown } } | null;
  const { endpoint } = subscription ?? {};
  const p256dh = subscription?.keys?.p256dh;
  const auth = subscription?.keys?.auth;
  if (typeof endpoint !== 'string' || endpoint.length > 1_000) return undefined;
  if (typeof p256dh !== 'string' || typeof auth !== 'string') return undefined;
  let protocol = '';
  try {
    protocol = new URL(endpoint).protocol;
  } catch {
    return undefined;
  }
  if (protocol !== 'https:' && !(allowPrivate && protocol === 'http:')) return undefined;
  const bytes = (text: string) => (/^[A-Za-z0-9_-]+={0,2}$/.test(text) ? Buffer.from(text, 'base64url').length : 0);
  if (bytes(p256dh) !== 65 || bytes(auth) !== 16) return undefined;
  return { endpoint, p256dh, auth };
}
