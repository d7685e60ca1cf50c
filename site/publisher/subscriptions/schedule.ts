import { addDays, localDateAt, zonedTimeToInstant } from '@tablica/shared';
import type { Frequency } from './request.ts';

/** The daily summary goes out at this local time, when people read their morning mail. */
export const DIGEST_TIME = '07:00';

/** The next summary time after `now` in the institution's zone (DST-safe: a wall-clock time). */
export function nextDigestAt(now: Date, timeZone: string): Date {
  const today = localDateAt(now, timeZone);
  const todays = zonedTimeToInstant(today, DIGEST_TIME, timeZone);
  return todays > now ? todays : zonedTimeToInstant(addDays(today, 1), DIGEST_TIME, timeZone);
}

/** When a delivery of a new version is due for a subscriber of this frequency. */
export const dueAtFor = (frequency: Frequency, now: Date, timeZone: string): number =>
  frequency === 'daily' ? nextDigestAt(now, timeZone).getTime() : now.getTime();

/** Retries after a failure: 30 s, 1 min, 2 min, … up to an hour between tries; then it gives up. */
export const MAX_ATTEMPTS = 12;
export function retryAt(attempts: number, now: number): number | undefined {
  if (attempts + 1 >= MAX_ATTEMPTS) return undefined;
  return now + Math.min(3_600_000, 30_000 * 2 ** attempts);
}
