import type { Core } from '@strapi/strapi';
import {
  DEFAULT_TIME_ZONE,
  endInstant,
  enteredEnd,
  enteredStart,
  enteredTime,
  isLocalDate,
  isValidTimeZone,
  startInstant,
} from '@tablica/shared';
import type { StrapiRecord } from './strapi-record';

/**
 * Editors enter a notice's period as days and optional times ("Obowiązuje do: 25 marca", the day
 * they click, inclusive; a time only if it ends during the day), in fields of their own
 * (effectiveFromDate/Time, effectiveUntilDate/Time). The shared model and every output read the
 * instants (effectiveFrom, effectiveUntil, exclusive end), which the CMS keeps in step with them:
 * whichever side a write sets (the admin form the days, a REST script the instants) fills the other.
 */
export const ENTERED_PERIOD_FIELDS = [
  'effectiveFromDate',
  'effectiveFromTime',
  'effectiveUntilDate',
  'effectiveUntilTime',
] as const;

const asDate = (value: unknown) => (typeof value === 'string' && isLocalDate(value) ? value : undefined);
const asInstant = (value: unknown) => {
  if (value instanceof Date) return value;
  if (typeof value !== 'string' || value === '') return undefined;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
};

/** The entered fields that show a stored start and end. */
export function enteredFields(effectiveFrom: unknown, effectiveUntil: unknown, timeZone: string) {
  const from = asInstant(effectiveFrom);
  const until = asInstant(effectiveUntil);
  const start = from ? enteredStart(from, timeZone) : undefined;
  const end = until ? enteredEnd(until, timeZone) : undefined;
  return {
    effectiveFromDate: start?.date ?? null,
    effectiveFromTime: start?.time ? `${start.time}:00.000` : null,
    effectiveUntilDate: end?.date ?? null,
    effectiveUntilTime: end?.time ? `${end.time}:00.000` : null,
  };
}

/** Fills the other side of a write's period (see above); `existing` gives the zone and what is kept. */
export function syncEnteredPeriod(data: StrapiRecord, existing: StrapiRecord | null) {
  const timeZone = String(data.timeZone ?? existing?.timeZone ?? DEFAULT_TIME_ZONE);
  // An unknown zone is the editor's to fix (the rules name it); nothing can be computed in it.
  if (!isValidTimeZone(timeZone)) return;
  if ('effectiveFromDate' in data || 'effectiveFromTime' in data) {
    const date = asDate(data.effectiveFromDate ?? existing?.effectiveFromDate);
    if (date)
      data.effectiveFrom = startInstant({ date, time: enteredTime(data.effectiveFromTime) }, timeZone).toISOString();
  } else if ('effectiveFrom' in data) {
    const { effectiveFromDate, effectiveFromTime } = enteredFields(data.effectiveFrom, undefined, timeZone);
    Object.assign(data, { effectiveFromDate, effectiveFromTime });
  }
  if ('effectiveUntilDate' in data || 'effectiveUntilTime' in data) {
    const date = asDate('effectiveUntilDate' in data ? data.effectiveUntilDate : existing?.effectiveUntilDate);
    // No day: until further notice.
    data.effectiveUntil = date
      ? endInstant({ date, time: enteredTime(data.effectiveUntilTime) }, timeZone).toISOString()
      : null;
    if (!date) data.effectiveUntilTime = null;
  } else if ('effectiveUntil' in data) {
    const { effectiveUntilDate, effectiveUntilTime } = enteredFields(undefined, data.effectiveUntil, timeZone);
    Object.assign(data, { effectiveUntilDate, effectiveUntilTime });
  }
}

/**
 * Notices stored before the days existed get them once, from their instants, so the edit form
 * shows "do 25 marca" for them too (and a save does not clear their end).
 */
export async function backfillEnteredPeriods(strapi: Core.Strapi) {
  const rows = strapi.db.query('api::notice.notice');
  const missing = await rows.findMany({
    where: { effectiveFrom: { $notNull: true }, effectiveFromDate: { $null: true } },
    select: ['id', 'effectiveFrom', 'effectiveUntil', 'timeZone'],
  });
  for (const row of missing) {
    await rows.update({
      where: { id: row.id },
      data: enteredFields(row.effectiveFrom, row.effectiveUntil, String(row.timeZone ?? DEFAULT_TIME_ZONE)),
    });
  }
  return missing.length;
}

/**
 * A write that came with days (the admin form) hears about its period next to the days; one that
 * came with instants (a REST script) next to the instants it sent.
 */
export function enteredByDay(data: StrapiRecord): boolean {
  return 'effectiveFromDate' in data || 'effectiveUntilDate' in data;
}

export const toEnteredPath = (path: readonly (string | number)[]): (string | number)[] =>
  path[0] === 'effectiveFrom' || path[0] === 'effectiveUntil' ? [`${path[0]}Date`, ...path.slice(1)] : [...path];
