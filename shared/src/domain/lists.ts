import { DEFAULT_LOCALE } from '../i18n/locales.ts';
import type { Notice } from '../schemas/notice.ts';
import { isRehearsal } from './rehearsal.ts';
import { compareNotices, rehearsalsLast } from './sort.ts';
import { effectiveEnd, type NoticeStatus, noticeStatus } from './status.ts';

/**
 * The lists every output agrees on: what is in force, what is announced, what has ended, and
 * what is still news. Each takes items that know where their notice stands at the list's "now"
 * (the site's localized notices are such items).
 */
export interface Placed<N extends ListedNotice = ListedNotice> {
  notice: N;
  status: NoticeStatus;
}
type ListedNotice = Pick<Notice, 'severity' | 'effectiveFrom' | 'slug' | 'effectiveUntil' | 'liftedAt'> & {
  messageStatus?: Notice['messageStatus'];
  publishedAt?: Date;
};

const bySlug = (a: Placed, b: Placed) => (a.notice.slug < b.notice.slug ? -1 : a.notice.slug > b.notice.slug ? 1 : 0);

/** In force now, in reading order (urgent first, then the most recent). */
export const inForce = <T extends Placed>(items: readonly T[]): T[] =>
  items.filter((item) => item.status === 'active').sort((a, b) => compareNotices(a.notice, b.notice));

/** Announced (not yet in force), real notices first, the soonest first. */
export const announced = <T extends Placed>(items: readonly T[]): T[] =>
  items
    .filter((item) => item.status === 'upcoming')
    .sort(
      (a, b) =>
        rehearsalsLast(a.notice, b.notice) ||
        a.notice.effectiveFrom.getTime() - b.notice.effectiveFrom.getTime() ||
        bySlug(a, b),
    );

/**
 * "Current" everywhere (lists, widget, embeds, builder): in force, then announced; rehearsals
 * (exercises, tests) after every real notice, so a widget's ten places go to real ones first.
 */
export function current<T extends Placed>(items: readonly T[]): T[] {
  const listed = [...inForce(items), ...announced(items)];
  return [...listed.filter((item) => !isRehearsal(item.notice)), ...listed.filter((item) => isRehearsal(item.notice))];
}

/**
 * Ended (expired or lifted), the most recently ended first: by when each stopped being in force,
 * so a notice lifted early sorts by the day it was lifted, not by the end it had announced.
 */
export const ended = <T extends Placed>(items: readonly T[]): T[] =>
  items
    .filter((item) => item.status === 'expired')
    .sort(
      (a, b) => (effectiveEnd(b.notice)?.getTime() ?? 0) - (effectiveEnd(a.notice)?.getTime() ?? 0) || bySlug(a, b),
    );

/** Ended notices stay in feeds, calendars, CAP and embeds this long, so subscribers learn something is over. */
export const ENDED_STAYS_NEWS_DAYS = 30;
const DAY = 86_400_000;

/** On, announced, or ended (or lifted) in the last 30 days: still news to a subscriber. */
export function isStillNews(notice: Pick<Notice, 'effectiveFrom' | 'effectiveUntil' | 'liftedAt'>, now: Date): boolean {
  if (noticeStatus(notice, now) !== 'expired') return true;
  const end = effectiveEnd(notice);
  return end !== undefined && now.getTime() - end.getTime() < ENDED_STAYS_NEWS_DAYS * DAY;
}

/**
 * The notices still news, by slug: a notice is news while its version in the default language is
 * (its translations follow the original). Subscriptions, newsroom notifications and the build's
 * report all choose by this one rule.
 */
export function slugsStillNews(
  notices: readonly Pick<Notice, 'slug' | 'locale' | 'effectiveFrom' | 'effectiveUntil' | 'liftedAt'>[],
  now: Date,
): Set<string> {
  return new Set(
    notices
      .filter((notice) => notice.locale === DEFAULT_LOCALE && isStillNews(notice, now))
      .map((notice) => notice.slug),
  );
}
