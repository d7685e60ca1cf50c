import { DEFAULT_TIME_ZONE } from '../schemas/notice.ts';
import { addDays, localDateAt, zonedTimeToInstant } from '../time/zoned.ts';

/**
 * Demo content must always show active, upcoming and expired notices, so its dates are written
 * relative to the day the snapshot is loaded:
 *
 *   "@today"            → that day's date in the notice's zone, e.g. "2026-11-23"
 *   "@today+3d"         → three days later (also "-3d")
 *   "@today-1dT06:30"   → that local day at 06:30, as an instant with its offset
 *
 * Every other value is left as it is, so absolute dates (the 2020 seed notice) stay absolute.
 */
const RELATIVE_DATE = /^@today(?:([+-])(\d{1,4})d)?(?:T(\d{2}:\d{2}))?$/;

export function resolveRelativeDate(value: string, now: Date, timeZone: string): string {
  const match = RELATIVE_DATE.exec(value);
  if (!match) return value;
  const [, sign, days, time] = match;
  const offset = days ? Number(days) * (sign === '-' ? -1 : 1) : 0;
  const date = addDays(localDateAt(now, timeZone), offset);
  if (!time) return date;
  return zonedTimeToInstant(date, time, timeZone).toISOString();
}

/** Replaces every relative date inside `value`, in the zone of the nearest notice (or Warsaw). */
export function resolveRelativeDates(value: unknown, now: Date, timeZone = DEFAULT_TIME_ZONE): unknown {
  if (typeof value === 'string') return resolveRelativeDate(value, now, timeZone);
  if (Array.isArray(value)) return value.map((item) => resolveRelativeDates(item, now, timeZone));
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const zone = typeof record.timeZone === 'string' ? record.timeZone : timeZone;
    return Object.fromEntries(
      Object.entries(record).map(([key, item]) => [key, resolveRelativeDates(item, now, zone)]),
    );
  }
  return value;
}
