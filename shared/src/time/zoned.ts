/**
 * Calendar arithmetic in an IANA time zone, using only `Intl` (no tz database of our own).
 *
 * Notices are issued in a local zone (Europe/Warsaw by default): "do 25 marca" means the end
 * of 25 March *there*, whatever the reader's or the server's zone is. Days are 23 or 25 hours
 * long around DST changes, so day ends are always computed as "the first instant of the next
 * local day", never as "+24 h".
 */

/** A calendar date such as `2020-03-25` (no time, no zone). */
export type LocalDate = string;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.length === 0 || timeZone.length > 64) return false;
  try {
    partsFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** True when `value` is a real calendar date in `YYYY-MM-DD` form (no 30 February). */
export function isLocalDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

// A page formats the same few instants many times (status, period, lists); formatToParts is the
// slow part of every date helper, so readings are remembered. Bounded: cleared when it grows large.
const readings = new Map<string, WallClock>();
const MAX_READINGS = 100_000;

/** The wall-clock reading in `timeZone` at `instant`. */
export function wallClockAt(instant: Date, timeZone: string): WallClock {
  const key = `${instant.getTime()}\u0000${timeZone}`;
  const known = readings.get(key);
  if (known) return { ...known };
  if (readings.size >= MAX_READINGS) readings.clear();
  const reading = readWallClock(instant, timeZone);
  readings.set(key, reading);
  return { ...reading };
}

function readWallClock(instant: Date, timeZone: string): WallClock {
  const fields: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? 0,
    month: fields.month ?? 0,
    day: fields.day ?? 0,
    hour: fields.hour ?? 0,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
  };
}

/** Offset of `timeZone` from UTC at `instant`, in milliseconds (Warsaw: +1 h or +2 h). */
function offsetAt(instant: Date, timeZone: string): number {
  return wallTimeAsUtc(instant, timeZone) - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant at which clocks in `timeZone` show `date` `hh:mm`, disambiguated the way Temporal's
 * "compatible" mode and RFC 5545 do: a wall time that happens twice (autumn) is the earlier
 * instant; a wall time skipped by spring-forward moves on by the gap (02:30 → 03:30).
 */
export function zonedTimeToInstant(date: LocalDate, time: string, timeZone: string): Date {
  const dateMatch = DATE_PATTERN.exec(date);
  const timeMatch = /^(\d{2}):(\d{2})$/.exec(time);
  if (!dateMatch || !timeMatch) throw new RangeError(`Not a local date and time: ${date} ${time}`);
  const wallAsUtc = Date.UTC(
    Number(dateMatch[1]),
    Number(dateMatch[2]) - 1,
    Number(dateMatch[3]),
    Number(timeMatch[1]),
    Number(timeMatch[2]),
  );
  // Zones change their offset at most once in any 24 hours, so the offsets half a day either
  // side are the only two candidates.
  const offsetBefore = offsetAt(new Date(wallAsUtc - HALF_DAY), timeZone);
  const offsetAfter = offsetAt(new Date(wallAsUtc + HALF_DAY), timeZone);
  const matches = [wallAsUtc - offsetBefore, wallAsUtc - offsetAfter].filter(
    (candidate) => wallTimeAsUtc(new Date(candidate), timeZone) === wallAsUtc,
  );
  return new Date(matches.length > 0 ? Math.min(...matches) : wallAsUtc - offsetBefore);
}

const HALF_DAY = 12 * 3_600_000;

function wallTimeAsUtc(instant: Date, timeZone: string): number {
  const wall = wallClockAt(instant, timeZone);
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** The first instant of local day `date` in `timeZone`. */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  return zonedTimeToInstant(date, '00:00', timeZone);
}

/** The calendar date that follows `date` (`2020-03-31` → `2020-04-01`). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new RangeError(`Not a local date: ${date}`);
  const shifted = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days));
  return shifted.toISOString().slice(0, 10);
}

/**
 * The end of local day `date` in `timeZone`, as an exclusive bound: the first instant of the
 * next local day. "Until 25 March" is over at exactly this instant.
 */
export function endOfLocalDay(date: LocalDate, timeZone: string): Date {
  return startOfLocalDay(addDays(date, 1), timeZone);
}

/** The local calendar date in `timeZone` at `instant`. */
export function localDateAt(instant: Date, timeZone: string): LocalDate {
  const wall = wallClockAt(instant, timeZone);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** True when `instant` is exactly a local midnight in `timeZone` (a whole-day boundary). */
export function isLocalMidnight(instant: Date, timeZone: string): boolean {
  const wall = wallClockAt(instant, timeZone);
  return wall.hour === 0 && wall.minute === 0 && wall.second === 0 && instant.getUTCMilliseconds() === 0;
}

/** Offset of `timeZone` from UTC at `instant`, in whole minutes (Warsaw: 60 or 120). */
export const offsetMinutesAt = (instant: Date, timeZone: string): number =>
  Math.round(offsetAt(instant, timeZone) / 60_000);

/**
 * ISO 8601 with the zone's offset at that instant and whole seconds: "2020-03-26T00:00:00+01:00".
 * What readers of a machine format see should match the wall clock of the notice (CAP requires
 * this form; JSON-LD on a Polish page reads better in Polish time than in UTC).
 */
export function localIsoDateTime(instant: Date, timeZone: string): string {
  const wall = wallClockAt(instant, timeZone);
  const offsetMinutes = offsetMinutesAt(instant, timeZone);
  const pad = (value: number) => String(Math.abs(value)).padStart(2, '0');
  const sign = offsetMinutes < 0 ? '-' : '+';
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}${sign}${pad(Math.trunc(offsetMinutes / 60))}:${pad(offsetMinutes % 60)}`;
}
