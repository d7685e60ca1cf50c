import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The capabilities in the links a subscriber receives: to confirm one sign-up, and to manage (or
 * leave) a subscription. Each is an id with an HMAC of it under the subscriptions' secret — the
 * link names no address, and a database without the secret cannot forge one. A confirmation
 * works once (the sign-up is gone after it); a manage link works until the subscriber leaves.
 */
export type LinkPurpose = 'confirm' | 'manage';

const mac = (secret: string, purpose: LinkPurpose, id: string) =>
  createHmac('sha256', secret).update(`tablica-subscription:${purpose}:${id}`).digest().subarray(0, 18);

export function signLink(secret: string, purpose: LinkPurpose, id: string): string {
  return `${id}.${mac(secret, purpose, id).toString('base64url')}`;
}

/** The id a genuine token carries; undefined for anything else. */
export function readLink(secret: string, purpose: LinkPurpose, token: unknown): string | undefined {
  if (typeof token !== 'string' || token.length > 100) return undefined;
  const [id, signature, extra] = token.split('.');
  if (!id || !signature || extra !== undefined || !/^[0-9a-f-]{36}$/.test(id)) return undefined;
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(secret, purpose, id);
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : undefined;
}
