import { createHash, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';

/** Strapi's webhook bodies are a few KB; anything much larger is not from Strapi. */
export const WEBHOOK_BODY_LIMIT = 64 * 1024;
/** The content types the site is built from; webhooks about anything else change nothing. */
const SITE_MODELS = new Set(['notice', 'institution', 'site-setting']);

export interface WebhookEvent {
  event: string;
  model: string;
  /** The document, when the event removed a notice from the site (unpublish, delete). */
  removedNotice?: string;
}

export type WebhookVerdict =
  | { status: 202; event: WebhookEvent; relevant: boolean }
  | { status: 400 | 401 | 413; error: string };

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Compares the presented secret with ours in constant time: both are hashed first, so neither
 * the length nor the first differing byte shows in the timing.
 */
export function secretMatches(presented: string | undefined, secret: string): boolean {
  if (!secret) return false;
  return timingSafeEqual(digest(presented ?? ''), digest(secret));
}

/** The secret a request carries: Strapi sends our X-Tablica-Secret header; Bearer works too. */
export function presentedSecret(request: http.IncomingMessage): string | undefined {
  const header = request.headers['x-tablica-secret'];
  if (typeof header === 'string') return header;
  const authorization = request.headers.authorization;
  return authorization?.startsWith('Bearer ') ? authorization.slice(7) : undefined;
}

/** Reads a body, giving up (and saying so) past `limit` bytes. */
export function readBody(request: http.IncomingMessage, limit: number): Promise<Buffer | 'too large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limit) {
      request.resume();
      resolve('too large');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners('data');
        request.resume();
        resolve('too large');
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** Checks a webhook request: the secret first (nothing is read from a stranger), then the body. */
export async function judgeWebhook(request: http.IncomingMessage, secret: string): Promise<WebhookVerdict> {
  if (!secretMatches(presentedSecret(request), secret)) {
    request.resume();
    return { status: 401, error: 'missing or wrong secret' };
  }
  const body = await readBody(request, WEBHOOK_BODY_LIMIT);
  if (body === 'too large') return { status: 413, error: `body over ${WEBHOOK_BODY_LIMIT} bytes` };
  let payload: {
    event?: unknown;
    model?: unknown;
    entry?: { documentId?: unknown; slug?: unknown; publishedAt?: unknown };
  };
  try {
    payload = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch {
    return { status: 400, error: 'the body is not JSON' };
  }
  const event = typeof payload.event === 'string' ? payload.event : 'manual';
  const model = typeof payload.model === 'string' ? payload.model : '';
  const removes = model === 'notice' && (event === 'entry.unpublish' || event === 'entry.delete');
  const document = payload.entry?.documentId ?? payload.entry?.slug;
  // Saving a draft changes nothing the public sees; its publish sends entry.publish.
  const draftSave = (event === 'entry.create' || event === 'entry.update') && payload.entry?.publishedAt === null;
  return {
    status: 202,
    relevant: (model === '' || SITE_MODELS.has(model)) && !draftSave,
    event: {
      event,
      model,
      ...(removes && typeof document === 'string' ? { removedNotice: document } : {}),
    },
  };
}
