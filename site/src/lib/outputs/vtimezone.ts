import { offsetMinutesAt, remembered } from '@tablica/shared';

/**
 * An RFC 5545 VTIMEZONE for an IANA zone, read off the runtime's own tz data through `Intl`
 * (no zone table of our own to keep up to date). Each offset change in the years asked for is
 * one observance with its exact onset, so the definition is right even for years a zone changed
 * its rules; calendar apps that know the zone by name use their own data anyway.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const pad = (value: number, width = 2) => String(Math.abs(value)).padStart(width, '0');

/** Offset from UTC at `instant` (milliseconds since the epoch), in minutes. */
const offsetMinutes = (instant: number, timeZone: string) => offsetMinutesAt(new Date(instant), timeZone);

const offsetText = (minutes: number) =>
  `${minutes < 0 ? '-' : '+'}${pad(Math.trunc(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;

/** Local wall time in basic format ("20261025T030000") at `instant` seen with `offset` minutes. */
function wallText(instant: number, offset: number): string {
  const local = new Date(instant + offset * 60_000);
  return `${pad(local.getUTCFullYear(), 4)}${pad(local.getUTCMonth() + 1)}${pad(local.getUTCDate())}T${pad(
    local.getUTCHours(),
  )}${pad(local.getUTCMinutes())}${pad(local.getUTCSeconds())}`;
}

/** Zone abbreviations where the runtime has them ("CET", "CEST"); "GMT+1" style otherwise. */
function zoneName(instant: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' }).formatToParts(instant);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

interface Transition {
  at: number;
  from: number;
  to: number;
}

/** The instants the zone's offset changes between the two instants (a day's scan, then a binary search). */
function transitions(timeZone: string, from: number, to: number): Transition[] {
  const found: Transition[] = [];
  let previous = offsetMinutes(from, timeZone);
  for (let day = from + DAY; day <= to; day += DAY) {
    const offset = offsetMinutes(day, timeZone);
    if (offset === previous) continue;
    let [low, high] = [day - DAY, day];
    while (high - low > 60_000) {
      const middle = low + Math.floor((high - low) / 2 / 60_000) * 60_000;
      if (offsetMinutes(middle, timeZone) === previous) low = middle;
      else high = middle;
    }
    found.push({ at: high, from: previous, to: offset });
    previous = offset;
  }
  return found;
}

/**
 * The VTIMEZONE lines for `timeZone` covering the years `fromYear` to `toYear` (inclusive). The
 * larger of a zone's offsets is its daylight time; a zone without changes gets one STANDARD.
 *
 * Every notice's calendar asks for the same zone and nearly the same years, and the day-by-day
 * scan for transitions was the largest single cost of a full build (1.5 s of 23 at 2,000
 * notices); the answer depends on the arguments alone, so each is worked out once.
 */
export const vtimezone = (timeZone: string, fromYear: number, toYear: number): string[] => [
  ...definition(timeZone, fromYear, toYear),
];

const definition = remembered(
  (timeZone: string, fromYear: number, toYear: number) => `${timeZone} ${fromYear} ${toYear}`,
  computeVtimezone,
);

function computeVtimezone(timeZone: string, fromYear: number, toYear: number): string[] {
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear + 1, 0, 1);
  const changes = transitions(timeZone, start, end);
  const initial = offsetMinutes(start, timeZone);
  const observances: Transition[] = [{ at: start, from: changes[0]?.from ?? initial, to: initial }, ...changes];
  const largest = Math.max(...observances.map(({ to }) => to));
  const hasDaylight = observances.some(({ to }) => to !== largest);
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${timeZone}`,
    ...observances.flatMap(({ at, from, to }) => {
      const kind = hasDaylight && to === largest ? 'DAYLIGHT' : 'STANDARD';
      return [
        `BEGIN:${kind}`,
        // The onset is the local time just before the change, read with the offset in force then.
        `DTSTART:${wallText(at, from)}`,
        `TZOFFSETFROM:${offsetText(from)}`,
        `TZOFFSETTO:${offsetText(to)}`,
        `TZNAME:${zoneName(at, timeZone)}`,
        `END:${kind}`,
      ];
    }),
    'END:VTIMEZONE',
  ];
}
