import { numberSetting } from '@tablica/shared/number-setting';
import type { NoticeReadCache } from '../loaders/strapi-notices.ts';

/**
 * The build's settings, read from the environment in one place.
 *
 * Where content comes from, first match wins:
 *   TABLICA_CONTENT=<file>   a snapshot file (the format of shared/fixtures/demo.json)
 *   STRAPI_URL=<url>         the CMS's REST API (STRAPI_TOKEN: an optional read-only token)
 *   neither                  the demo snapshot shipped with @tablica/shared
 */
export interface SiteBuildConfig {
  content:
    | { kind: 'snapshot'; file: string }
    | { kind: 'strapi'; url: string; token: string | undefined; retries: number; retryDelayMs: number }
    | { kind: 'demo' };
  /** "Now" for statuses and ordering; tests pin it with TABLICA_NOW. */
  now: Date;
  /** Overrides the site settings' base URL (absolute links in Open Graph, JSON-LD, feeds). */
  baseUrl: string | undefined;
  /** A draft preview (TABLICA_PREVIEW=1, site/publisher/preview.ts): noindex and a banner on every page. */
  preview: boolean;
  /** The notices of the last good build (JSON), for notices that now fail the rules. */
  lastGoodFile: string | undefined;
  /**
   * Where the notices read from Strapi are kept for the next build (TABLICA_NOTICE_CACHE), and
   * whether this build may reuse them (TABLICA_NOTICE_CACHE_REUSE=1: the publisher's incremental builds).
   */
  noticeCache: NoticeReadCache | undefined;
  /** Where the build script hands over the CMS's content it read while Astro started (loaders/read-ahead.ts). */
  readAheadFile: string | undefined;
  /** Where the build says which notices it could not publish as they are, and what it published. */
  reportFile: string | undefined;
  /** Where attachments are copied to, so the site serves them itself (set by scripts/build.ts). */
  attachmentsDir: string | undefined;
  /** The publisher sends e-mail notifications (TABLICA_SUBSCRIPTIONS=1): the site offers the sign-up. */
  subscriptions: boolean;
  /** WebSub hubs the feeds name (TABLICA_WEBSUB_HUBS, comma-separated); the publisher pings them. */
  websubHubs: string[];
}

function readNow(value: string | undefined): Date {
  if (!value) return new Date();
  const now = new Date(value);
  if (Number.isNaN(now.getTime())) throw new Error(`TABLICA_NOW must be an ISO date-time, got "${value}".`);
  return now;
}

/** WebSub hubs: each an http(s) URL, or the build stops saying which one is not. */
export function readHubs(value: string | undefined): string[] {
  const hubs = (value ?? '')
    .split(',')
    .map((hub) => hub.trim())
    .filter(Boolean);
  for (const hub of hubs) {
    let protocol = '';
    try {
      protocol = new URL(hub).protocol;
    } catch {
      // Reported below.
    }
    if (protocol !== 'https:' && protocol !== 'http:') {
      throw new Error(`TABLICA_WEBSUB_HUBS: "${hub}" is not an http(s) address of a WebSub hub.`);
    }
  }
  return hubs;
}

export function readSiteBuildConfig(env: NodeJS.ProcessEnv = process.env): SiteBuildConfig {
  const content: SiteBuildConfig['content'] = env.TABLICA_CONTENT
    ? { kind: 'snapshot', file: env.TABLICA_CONTENT }
    : env.STRAPI_URL
      ? {
          kind: 'strapi',
          url: env.STRAPI_URL,
          token: env.STRAPI_TOKEN || undefined,
          retries: numberSetting(env, 'TABLICA_STRAPI_RETRIES', {
            fallback: 5,
            what: 'a whole number of retries',
            whole: true,
            zero: true,
          }),
          retryDelayMs: numberSetting(env, 'TABLICA_STRAPI_RETRY_DELAY_MS', {
            fallback: 500,
            what: 'a whole number of milliseconds',
            whole: true,
            zero: true,
          }),
        }
      : { kind: 'demo' };
  return {
    content,
    now: readNow(env.TABLICA_NOW),
    baseUrl: env.TABLICA_BASE_URL || undefined,
    preview: env.TABLICA_PREVIEW === '1',
    lastGoodFile: env.TABLICA_LAST_GOOD || undefined,
    reportFile: env.TABLICA_BUILD_REPORT || undefined,
    readAheadFile: env.TABLICA_READ_AHEAD || undefined,
    noticeCache: env.TABLICA_NOTICE_CACHE
      ? {
          file: env.TABLICA_NOTICE_CACHE,
          reuse: env.TABLICA_NOTICE_CACHE_REUSE === '1',
          code: env.TABLICA_CODE_FINGERPRINT ?? '',
        }
      : undefined,
    attachmentsDir: env.TABLICA_ATTACHMENTS_DIR || undefined,
    subscriptions: env.TABLICA_SUBSCRIPTIONS === '1',
    websubHubs: readHubs(env.TABLICA_WEBSUB_HUBS),
  };
}
