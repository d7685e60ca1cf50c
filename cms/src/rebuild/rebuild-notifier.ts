import { randomUUID } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { signRebuildRequest } from '@tablica/shared/signing';

/** Publishing state changes and edits of anything the site shows; the publisher ignores other models. */
const EVENTS = ['entry.create', 'entry.update', 'entry.delete', 'entry.publish', 'entry.unpublish'];
/** Waits before each retry: about five minutes in all, then the publisher's poll is the safety net. */
export const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 15_000, 30_000, 60_000, 60_000, 120_000];
const TIMEOUT_MS = 10_000;

export interface RebuildTarget {
  url: string;
  secret: string;
  retryDelaysMs?: readonly number[];
  log?: (message: string) => void;
}

interface EntryEvent {
  model?: string;
  uid?: string;
  entry?: { documentId?: unknown; slug?: unknown; locale?: unknown; publishedAt?: unknown } | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/** Only what the publisher needs to decide: never the whole entry, never an admin user. */
function bodyOf(event: string, info: EntryEvent) {
  const entry = info.entry ?? null;
  return JSON.stringify({
    event,
    model: info.model ?? '',
    createdAt: new Date().toISOString(),
    entry: entry && {
      documentId: typeof entry.documentId === 'string' ? entry.documentId : null,
      slug: typeof entry.slug === 'string' ? entry.slug : null,
      locale: typeof entry.locale === 'string' ? entry.locale : null,
      publishedAt: entry.publishedAt ?? null,
    },
  });
}

/**
 * Sends one rebuild request, signed afresh for every attempt (id stays, so the publisher counts it
 * once), retrying with growing pauses while the publisher is down or answers 5xx. Strapi's own
 * webhooks can only send a static header and give up after one try.
 */
export async function deliverRebuild(target: RebuildTarget, body: string, id = randomUUID()): Promise<boolean> {
  const delays = target.retryDelaysMs ?? RETRY_DELAYS_MS;
  for (let attempt = 0; attempt <= delays.length; attempt++) {
    if (attempt > 0) await sleep(delays[attempt - 1] ?? 0);
    try {
      const response = await fetch(target.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signRebuildRequest(target.secret, id, body) },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      await response.body?.cancel();
      // 409: the publisher already has this one (an earlier attempt got through, its answer did not).
      if (response.ok || response.status === 409) return true;
      if (response.status < 500 && response.status !== 429) {
        target.log?.(`rebuild request refused by the publisher (${response.status}); not retried`);
        return false;
      }
    } catch {
      // Not reachable or timed out: retried below.
    }
  }
  target.log?.(
    `rebuild request not delivered after ${delays.length + 1} attempts; the publisher's poll will find the change`,
  );
  return false;
}

/** Listens to Strapi's entry events and tells the publisher about each; returns the way to stop. */
export function startRebuildNotifier(strapi: Core.Strapi, target: RebuildTarget): () => void {
  const listening = EVENTS.map((event) =>
    strapi.eventHub.on(event, async (info: EntryEvent) => {
      // Not awaited: an editor's save never waits for the publisher.
      void deliverRebuild(target, bodyOf(event, info));
    }),
  );
  return () => {
    for (const stop of listening) stop();
  };
}
