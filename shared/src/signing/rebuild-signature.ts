import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signed rebuild requests from the CMS to the publisher, in the Standard Webhooks convention:
 * `webhook-id`, `webhook-timestamp` (Unix seconds) and `webhook-signature: v1,<base64 HMAC-SHA256
 * of "id.timestamp.body">`. A request is good for a few minutes and only once: a captured one
 * cannot be replayed to make the publisher build again and again.
 */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

const mac = (secret: string, id: string, timestamp: string, body: string) =>
  createHmac('sha256', secret).update(`${id}.${timestamp}.${body}`, 'utf8').digest();

export function signRebuildRequest(secret: string, id: string, body: string, now = new Date()): SignedHeaders {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return {
    'webhook-id': id,
    'webhook-timestamp': timestamp,
    'webhook-signature': `v1,${mac(secret, id, timestamp, body).toString('base64')}`,
  };
}

export type SignatureCheck = { ok: true; id: string } | { ok: false; error: string };

/** The headers alone: present, well-formed and fresh (checked before any body is read). */
export function checkSignatureHeaders(
  headers: Record<string, string | string[] | undefined>,
  now = new Date(),
): SignatureCheck {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  const signature = headers['webhook-signature'];
  if (typeof id !== 'string' || typeof timestamp !== 'string' || typeof signature !== 'string') {
    return { ok: false, error: 'unsigned: webhook-id, webhook-timestamp and webhook-signature are required' };
  }
  if (!/^[\w.:-]{1,128}$/.test(id) || !/^\d{1,12}$/.test(timestamp))
    return { ok: false, error: 'malformed signature headers' };
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > SIGNATURE_TOLERANCE_SECONDS) {
    return { ok: false, error: `stale: the timestamp is more than ${SIGNATURE_TOLERANCE_SECONDS} s from now` };
  }
  return { ok: true, id };
}

/** Headers and body: is one of the presented `v1` signatures ours (compared in constant time)? */
export function verifyRebuildRequest(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  body: string,
  now = new Date(),
): SignatureCheck {
  const fresh = checkSignatureHeaders(headers, now);
  if (!fresh.ok || !secret) return fresh.ok ? { ok: false, error: 'no secret configured' } : fresh;
  const expected = mac(secret, fresh.id, headers['webhook-timestamp'] as string, body);
  const presented = String(headers['webhook-signature'])
    .split(' ')
    .filter((part) => part.startsWith('v1,'))
    .map((part) => Buffer.from(part.slice(3), 'base64'));
  const good = presented.some(
    (candidate) => candidate.length === expected.length && timingSafeEqual(candidate, expected),
  );
  return good ? fresh : { ok: false, error: 'wrong signature' };
}

/** Remembers the ids seen within the tolerance window, so each signed request counts once. */
export class ReplayGuard {
  readonly #seen = new Map<string, number>();
  readonly #capacity: number;

  constructor(capacity = 10_000) {
    this.#capacity = capacity;
  }

  /** True the first time an id is presented; false for a replay. */
  firstUse(id: string, now = Date.now()): boolean {
    for (const [seenId, expires] of this.#seen) {
      if (expires > now && this.#seen.size <= this.#capacity) break;
      this.#seen.delete(seenId);
    }
    if (this.#seen.has(id)) return false;
    this.#seen.set(id, now + 2 * SIGNATURE_TOLERANCE_SECONDS * 1000);
    return true;
  }
}
