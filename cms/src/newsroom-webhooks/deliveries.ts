import type { Core } from '@strapi/strapi';
import { postWebhook } from './post-webhook';
import { signWebhook } from './standard-webhooks';

const WEBHOOK = 'api::newsroom-webhook.newsroom-webhook';
const DELIVERY = 'api::webhook-delivery.webhook-delivery';

/** A notice version that went live, as the publisher reports it (site/publisher/subscriptions/live-versions.ts). */
export interface LiveVersion {
  key: string;
  slug: string;
  revision: number;
  kind: 'new' | 'update' | 'extension' | 'lift';
  institution: string;
  /** When this version was sent (ISO): a webhook hears only of versions sent after it was registered. */
  sentAt: string;
  message: Record<string, unknown>;
}

const EVENT_TYPES: Record<LiveVersion['kind'], string> = {
  new: 'notice.published',
  update: 'notice.updated',
  extension: 'notice.extended',
  lift: 'notice.lifted',
};

/** Retries: 30 s, 1 min, 2 min, … at most an hour apart; after this many tries the delivery has failed. */
export const MAX_ATTEMPTS = 8;
const LEASE_MS = 60_000;
const retryDelay = (attempts: number) => Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempts - 1));

interface WebhookRow {
  id: number;
  documentId: string;
  url: string;
  secret: string | null;
  enabled: boolean;
  createdAt: string | Date;
  institution?: { slug?: string } | null;
}

/**
 * Queues each live version for every enabled webhook that follows it (all notices, or its
 * institution's), once per webhook and version: a version already queued is skipped, whichever
 * build reported it. Returns how many deliveries were queued.
 */
export async function queueLiveVersions(strapi: Core.Strapi, versions: LiveVersion[], now = new Date()) {
  const webhooks = (await strapi.db.query(WEBHOOK).findMany({
    where: { enabled: true },
    populate: { institution: { select: ['slug'] } },
  })) as WebhookRow[];
  let queued = 0;
  for (const webhook of webhooks) {
    const since = new Date(webhook.createdAt).getTime();
    const relevant = versions.filter(
      (version) =>
        (!webhook.institution?.slug || webhook.institution.slug === version.institution) &&
        Date.parse(version.sentAt) >= since,
    );
    if (relevant.length === 0) continue;
    const eventId = (version: LiveVersion) => `${webhook.documentId}.${version.key}`;
    const known = new Set(
      (
        (await strapi.db.query(DELIVERY).findMany({
          where: { eventId: { $in: relevant.map(eventId) } },
          select: ['eventId'],
        })) as { eventId: string }[]
      ).map((row) => row.eventId),
    );
    for (const version of relevant) {
      if (known.has(eventId(version))) continue;
      await strapi.db.query(DELIVERY).create({
        data: {
          webhook: webhook.id,
          eventId: eventId(version),
          eventType: EVENT_TYPES[version.kind],
          notice: `${version.slug} v${version.revision}`,
          payload: version.message,
          state: 'pending',
          attempts: 0,
          nextAttemptAt: now,
        },
      });
      queued += 1;
    }
  }
  return queued;
}

interface DeliveryRow {
  id: number;
  eventId: string;
  eventType: string;
  payload: unknown;
  attempts: number;
  webhook?: WebhookRow | null;
}

export interface WebhookPass {
  delivered: number;
  retrying: number;
  failed: number;
}

/**
 * One pass over the due deliveries. Each is claimed by one conditional UPDATE (so several CMS
 * instances never send the same one twice at once), sent signed, and logged: delivered, to be
 * retried later, or failed after MAX_ATTEMPTS. The webhook-id stays the same on every retry, so a
 * receiver can drop a repeat (the Standard Webhooks way to be idempotent).
 */
export async function runWebhookPass(
  strapi: Core.Strapi,
  { now = new Date(), allowPrivate = false, timeoutMs = 10_000 } = {},
): Promise<WebhookPass> {
  const pass: WebhookPass = { delivered: 0, retrying: 0, failed: 0 };
  const due = (await strapi.db.query(DELIVERY).findMany({
    where: { state: 'pending', nextAttemptAt: { $lte: now } },
    populate: { webhook: true },
    orderBy: { nextAttemptAt: 'asc' },
    limit: 50,
  })) as DeliveryRow[];
  for (const delivery of due) {
    const { count } = await strapi.db.query(DELIVERY).updateMany({
      where: { id: delivery.id, state: 'pending', nextAttemptAt: { $lte: now } },
      data: { nextAttemptAt: new Date(now.getTime() + LEASE_MS) },
    });
    if (count === 0) continue;
    const attempts = delivery.attempts + 1;
    const webhook = delivery.webhook;
    const outcome =
      !webhook?.enabled || !webhook.secret
        ? { delivered: false, result: 'the webhook is switched off or removed', final: true }
        : {
            ...(await send(webhook, delivery, { now, allowPrivate, timeoutMs })),
            final: false,
          };
    const failed = !outcome.delivered && (outcome.final || attempts >= MAX_ATTEMPTS);
    await strapi.db.query(DELIVERY).update({
      where: { id: delivery.id },
      data: {
        attempts,
        lastAttemptAt: now,
        lastResult: outcome.result,
        state: outcome.delivered ? 'delivered' : failed ? 'failed' : 'pending',
        deliveredAt: outcome.delivered ? now : null,
        nextAttemptAt: outcome.delivered || failed ? null : new Date(now.getTime() + retryDelay(attempts)),
      },
    });
    if (outcome.delivered) pass.delivered += 1;
    else if (failed) pass.failed += 1;
    else pass.retrying += 1;
  }
  return pass;
}

function send(
  webhook: WebhookRow,
  delivery: DeliveryRow,
  { now, allowPrivate, timeoutMs }: { now: Date; allowPrivate: boolean; timeoutMs: number },
) {
  const body = JSON.stringify({ type: delivery.eventType, timestamp: now.toISOString(), data: delivery.payload });
  const headers = signWebhook(webhook.secret ?? '', delivery.eventId, Math.floor(now.getTime() / 1000), body);
  return postWebhook(webhook.url, headers, body, { allowPrivate, timeoutMs });
}

/** Sends due deliveries every few seconds, and at once when `poke()` says something was queued. */
export function startWebhookSender(
  strapi: Core.Strapi,
  { intervalSeconds = 5, allowPrivate = false }: { intervalSeconds?: number; allowPrivate?: boolean } = {},
) {
  let running: Promise<unknown> | undefined;
  let again = false;
  const tick = () => {
    if (running) {
      again = true;
      return;
    }
    running = runWebhookPass(strapi, { allowPrivate })
      .catch((error: Error) => strapi.log.warn(`Tablica: webhook deliveries could not be read: ${error.message}`))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          tick();
        }
      });
  };
  const timer = setInterval(tick, intervalSeconds * 1000);
  timer.unref();
  return {
    poke: tick,
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
