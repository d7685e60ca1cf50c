import { randomUUID } from 'node:crypto';
import { signRebuildRequest } from '@tablica/shared/signing';
import type { LiveReport } from './subscriptions/live-versions.ts';
import { liveVersions } from './subscriptions/live-versions.ts';

/** Versions sent longer ago than this are not news to a newsroom (the CMS also skips known ones). */
const RECENT_MS = 24 * 3_600_000;

/**
 * Tells the CMS which notice versions a build that just went live carries, so that it sends them
 * to the newsrooms' webhooks (cms/src/newsroom-webhooks): signed with the key the CMS signs its
 * rebuild requests with. Only recent versions are sent; the CMS queues each once per webhook.
 * An unreachable CMS is tried three times; the site is live either way.
 */
export async function tellCmsOfLiveVersions(
  report: LiveReport,
  {
    strapiUrl,
    secret,
    baseUrl,
    log,
    now = new Date(),
    retryDelayMs = 2_000,
  }: {
    strapiUrl: string;
    secret: string;
    baseUrl: string;
    log: (message: string) => void;
    now?: Date;
    retryDelayMs?: number;
  },
): Promise<number | undefined> {
  const versions = liveVersions(report, baseUrl, now)
    .filter((version) => now.getTime() - Date.parse(version.message.sentAt) < RECENT_MS)
    .map(({ key, message }) => ({
      key,
      slug: message.slug,
      revision: message.revision,
      kind: message.kind,
      institution: message.institutionSlug,
      sentAt: message.sentAt,
      message: {
        slug: message.slug,
        revision: message.revision,
        kind: message.kind,
        // CAP's status: a newsroom's system must not run an exercise or a test as real news.
        status: message.status,
        institution: { slug: message.institutionSlug, name: message.institution },
        sentAt: message.sentAt,
        languages: message.texts,
      },
    }));
  if (versions.length === 0) return 0;
  const body = JSON.stringify({ versions });
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    try {
      const response = await fetch(`${strapiUrl}/api/tablica/live-versions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signRebuildRequest(secret, randomUUID(), body) },
        body,
        signal: AbortSignal.timeout(30_000),
      });
      const answer = (await response.json().catch(() => ({}))) as { queued?: number; error?: string };
      if (response.ok) return answer.queued ?? 0;
      throw new Error(`HTTP ${response.status}${answer.error ? `: ${answer.error}` : ''}`);
    } catch (error) {
      if (attempt === 3) {
        log(`newsroom webhooks: the CMS was not told of the live versions: ${(error as Error).message}`);
        return undefined;
      }
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs * attempt));
    }
  }
  return undefined;
}
