import { effectiveEnd, type Notice, noticeStatus } from '@tablica/shared';

/** Ended notices stay in feeds (and embeddable) this long, so subscribers learn something is over. */
const ENDED_STAYS_DAYS = 30;
const DAY = 86_400_000;

/** On, announced, or ended (or lifted) in the last 30 days: still news to a subscriber. */
export function isStillNews(notice: Notice, now: Date): boolean {
  if (noticeStatus(notice, now) !== 'expired') return true;
  const end = effectiveEnd(notice);
  return end !== undefined && now.getTime() - end.getTime() < ENDED_STAYS_DAYS * DAY;
}
