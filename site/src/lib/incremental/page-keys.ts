import { createHash } from 'node:crypto';
import { isStillNews, type Locale, type Notice, noticeStatus, suspensionPeriod } from '@tablica/shared';
import { archivedNotices, currentNotices, type SiteContent } from '../content.ts';
import { LIST_PAGE_SIZE } from '../pages.ts';
import { pageOf } from '../pagination.ts';
import { shortCodes } from '../short-links.ts';
import { readSiteBuildConfig } from '../site-config.ts';

/**
 * The keys of an incremental build (page-keys-file.ts). A key must change whenever any byte of the
 * files it stands for would: a key that misses an input leaves a stale page live.
 * tests/site/incremental-build.test.ts builds the site both ways after each kind of change and
 * compares every byte.
 */

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);

/**
 * What every page renders besides its notice: settings (the header, the footer), institutions
 * (names, contacts, link previews), the build's options, the year (calendars' time-zone rules
 * cover it) and the code itself (TABLICA_CODE_FINGERPRINT, set by scripts/build.ts): any of them
 * changing renders everything again. Made from the environment and the content alone, so that the
 * read-ahead process tells the build script before Astro does (notice-keys-ahead.ts).
 */
export function siteKey(content: SiteContent, env: NodeJS.ProcessEnv = process.env): string {
  const config = readSiteBuildConfig(env);
  return digest({
    code: env.TABLICA_CODE_FINGERPRINT ?? '',
    // Where the site is served: Astro's base (astro.config.ts) is this or the root.
    base: env.TABLICA_PREVIEW_BASE || '/',
    preview: config.preview,
    settings: content.settings,
    institutions: content.institutions,
    baseUrl: content.baseUrl,
    subscriptions: content.subscriptions,
    websubHubs: content.websubHubs,
    year: content.now.getUTCFullYear(),
  });
}

/**
 * Where a notice stands at the build's "now": its status, whether it is still news, and each
 * suspension period's status: everything its files say that depends on the time of the build.
 */
function timeState(notice: Notice, now: Date): string {
  const periods = notice.suspensions.map((suspension) => noticeStatus(periodOf(suspension, notice), now));
  return [noticeStatus(notice, now), isStillNews(notice, now), ...periods].join(',');
}

const periodOf = (suspension: Notice['suspensions'][number], notice: Notice) => {
  const period = suspensionPeriod(suspension, notice);
  return { effectiveFrom: period.start, effectiveUntil: period.end };
};

/**
 * A notice's versions as they stand now, and those of the notices its pages name: the one it
 * replaces and the ones that replace it (their titles, links and statuses are on its pages).
 */
function versionsWithState(content: SiteContent, slug: string) {
  const codes = shortCodes(content);
  return Object.values(content.versions.get(slug) ?? {}).map((notice) => ({
    notice,
    state: timeState(notice, content.now),
    shortCode: codes.get(`${notice.locale}:${slug}`),
  }));
}

/**
 * A page of the current list or of the archive: which notices it shows, as their keys say they
 * stand (title, status, replacements), where, and how many pages the list has (its navigation).
 * Institution names are in the site's key. A notice that moves up (a new one, or one published
 * again) shifts the pages down to where it was; the pages below, and the whole archive, which
 * changes only when a notice ends, are left as they were.
 */
export function listPageKey(
  content: SiteContent,
  { kind, locale, page, pageCount }: { kind: 'current' | 'archive'; locale: Locale; page: number; pageCount: number },
  keyOfNotice: (slug: string) => string = (slug) => noticeKey(content, slug),
): string {
  const all = kind === 'current' ? currentNotices(content, locale) : archivedNotices(content, locale);
  const shown = pageOf(all, page, LIST_PAGE_SIZE);
  return digest({
    kind,
    locale,
    page,
    pageCount,
    shown: shown.map((item) => [item.notice.slug, item.notice.locale, item.status, keyOfNotice(item.notice.slug)]),
  });
}

/**
 * The files of a group of notices (an institution's pages, frames, feeds and calendar; a
 * category's feeds): which notices are in it, in every language, as their keys say they stand.
 * Everything else those files name (the institution's name and contacts, the site's name) is in
 * the site's key. A notice that joins, leaves or changes renders the group again; the other
 * groups are linked from the previous build.
 */
export function groupKey(
  content: SiteContent,
  group: string,
  { field, value }: GroupOf,
  keyOfNotice: (slug: string) => string = (slug) => noticeKey(content, slug),
): string {
  const members = membersOf(content, field).get(value) ?? [];
  return digest({ group, notices: members.map((slug) => [slug, keyOfNotice(slug)]) });
}

/** A group of notices: those with `value` in `field`, in any language. */
export interface GroupOf {
  field: 'institution' | 'category';
  value: string;
}

// Every group's members in one pass over the notices: filtering them for each of the dozens of
// groups took half a second at 10,000 notices.
const members = new WeakMap<SiteContent, Map<GroupOf['field'], Map<string, string[]>>>();

/** Each value of `field` and the notices (slugs, in reading order) with it in any language. */
function membersOf(content: SiteContent, field: GroupOf['field']): Map<string, string[]> {
  const forContent = members.get(content) ?? new Map<GroupOf['field'], Map<string, string[]>>();
  members.set(content, forContent);
  let byValue = forContent.get(field);
  if (!byValue) {
    byValue = new Map();
    for (const slug of content.slugs) {
      const values = new Set(Object.values(content.versions.get(slug) ?? {}).map((notice) => notice[field]));
      for (const value of values) {
        const slugs = byValue.get(value) ?? [];
        slugs.push(slug);
        byValue.set(value, slugs);
      }
    }
    forContent.set(field, byValue);
  }
  return byValue;
}

/** A notice's key: its versions and their state, and those of the notices its pages name. */
export function noticeKey(content: SiteContent, slug: string): string {
  const own = versionsWithState(content, slug);
  const replaced = new Set(own.flatMap(({ notice }) => (notice.supersedes ? [notice.supersedes] : [])));
  const related = [...replaced, ...(content.supersededBy.get(slug) ?? [])].sort();
  return digest({
    own,
    related: related.map((other) => ({ slug: other, versions: versionsWithState(content, other) })),
  });
}
