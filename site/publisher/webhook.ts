import type http from 'node:http';
import { checkSignatureHeaders, type ReplayGuard, verifyRebuildRequest } from '@tablica/shared/signing';

/** The CMS's rebuild bodies are a few hundred bytes; anything much larger is not from it. */
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
  | { status: 400 | 401 | 409 | 413; error: string };

/** Reads a body, giving up (and saying so) past `limit` bytes or when the client goes away. */
export function readBody(request: http.IncomingMessage, limit: number): Promise<Buffer | 'too large' | 'aborted'> {
  return new Promise((resolve) => {
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
    // A body cut off mid-way: 'error' (ECONNRESET) and/or 'close' before 'end'.
    request.on('error', () => resolve('aborted'));
    request.on('close', () => {
      if (!request.complete) resolve('aborted');
    });
  });
}

/**
 * Checks a rebuild request: signature headers first (nothing is read from a stranger), then the
 * body, its HMAC, and that this signed request was not seen before.
 */
export async function judgeWebhook(
  request: http.IncomingMessage,
  secret: string,
  replays: ReplayGuard,
): Promise<WebhookVerdict> {
  const headersOk = checkSignatureHeaders(request.headers);
  if (!headersOk.ok) {
    request.resume();
    return { status: 401, error: headersOk.error };
  }
  const body = await readBody(request, WEBHOOK_BODY_LIMIT);
  if (body === 'too large') return { status: 413, error: `body over ${WEBHOOK_BODY_LIMIT} bytes` };
  if (body === 'aborted') return { status: 400, error: 'the body was cut off' };
  const text = body.toString('utf8');
  const signed = verifyRebuildRequest(secret, request.headers, text);
  if (!signed.ok) return { status: 401, error: signed.error };
  if (!replays.firstUse(signed.id)) return { status: 409, error: 'this signed request was already received' };
  let payload: {
    event?: unknown;
    model?: unknown;
    entry?: { documentId?: unknown; slug?: unknown; publishedAt?: unknown } | null;
  };
  try {
    payload = text.length === 0 ? {} : JSON.parse(text);
  } catch {
    return { status: 400, error: 'the body is not JSON' };
  }
  if (typeof payload !== 'object' || payload === null) return { status: 400, error: 'the body is not a JSON object' };
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
