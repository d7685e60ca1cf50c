import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The short-lived capability behind a draft preview: which document and language, until when,
 * signed by the CMS. Whoever holds it may read that one draft until it expires — the admin panel
 * hands it only to an editor who may read the entry (Strapi's preview handler), and the site's
 * publisher passes it back to the CMS to fetch the draft without a key of its own.
 * The key is derived from the admin's JWT secret: nothing more to configure or leak.
 */
export const PREVIEW_TTL_SECONDS = 10 * 60;

export interface PreviewClaim {
  documentId: string;
  locale: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

const base64url = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64url');

export function previewKey(adminSecret: string): Buffer {
  return createHmac('sha256', adminSecret).update('tablica-draft-preview').digest();
}

const signature = (key: Buffer, payload: string) => createHmac('sha256', key).update(payload).digest();

export function signPreviewToken(
  key: Buffer,
  { documentId, locale }: Omit<PreviewClaim, 'exp'>,
  now = Date.now(),
  ttlSeconds = PREVIEW_TTL_SECONDS,
): string {
  const payload = base64url(JSON.stringify({ documentId, locale, exp: Math.floor(now / 1000) + ttlSeconds }));
  return `${payload}.${base64url(signature(key, payload))}`;
}

/** The claim of a genuine, unexpired token; undefined for anything else (never says which). */
export function readPreviewToken(key: Buffer, token: string, now = Date.now()): PreviewClaim | undefined {
  const [payload, signed, extra] = token.split('.');
  if (!payload || !signed || extra !== undefined) return undefined;
  const expected = signature(key, payload);
  const given = Buffer.from(signed, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const claim = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Partial<PreviewClaim>;
    if (typeof claim.documentId !== 'string' || typeof claim.locale !== 'string' || typeof claim.exp !== 'number') {
      return undefined;
    }
    return claim.exp * 1000 > now ? (claim as PreviewClaim) : undefined;
  } catch {
    return undefined;
  }
}
