import { addDays, DEFAULT_TIME_ZONE, localDateAt, markedTitle, type Notice, wallClockAt } from '@tablica/shared';
import { formatDateTime } from '../format.ts';
import { UI } from '../i18n/ui.ts';
import { absoluteUrl, routes } from '../routes.ts';
import { type CalendarEvent, calendarEvents, type Replacement } from './calendar-events.ts';
import { vtimezone } from './vtimezone.ts';

/** RFC 5545 §3.3.11: backslash, semicolon, comma and line breaks are escaped in TEXT values. */
function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

const utf8Length = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/** RFC 5545 §3.1: lines longer than 75 octets are folded, never inside a UTF-8 sequence. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = utf8Length(char.codePointAt(0) ?? 0);
    if (size + bytes > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const basicDate = (date: string) => date.replaceAll('-', '');
const utcStamp = (instant: Date) =>
  `${instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')}`;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** Local wall time in basic format, for DTSTART;TZID=…: "20261122T080000". */
function localStamp(instant: Date, timeZone: string): string {
  const wall = wallClockAt(instant, timeZone);
  return `${pad(wall.year, 4)}${pad(wall.month)}${pad(wall.day)}T${pad(wall.hour)}${pad(wall.minute)}${pad(wall.second)}`;
}

/** The last local day an exclusive end still covers (an end at midnight belongs to the day before). */
const lastDayBefore = (end: Date, timeZone: string) => localDateAt(new Date(end.getTime() - 1), timeZone);

/** DTSTART/DTEND (or the daily RRULE) of one event, in the issuer's days and wall clock. */
function timeLines(event: CalendarEvent, timeZone: string): string[] {
  const firstDay = localDateAt(event.start, timeZone);
  if (event.daily) {
    const until = event.end ? `;UNTIL=${basicDate(lastDayBefore(event.end, timeZone))}` : '';
    return [`DTSTART;VALUE=DATE:${basicDate(firstDay)}`, `RRULE:FREQ=DAILY${until}`];
  }
  const end = event.end ?? event.start;
  if (event.allDay) {
    return [
      `DTSTART;VALUE=DATE:${basicDate(firstDay)}`,
      `DTEND;VALUE=DATE:${basicDate(addDays(lastDayBefore(end, timeZone), 1))}`,
    ];
  }
  return [
    `DTSTART;TZID=${timeZone}:${localStamp(event.start, timeZone)}`,
    `DTEND;TZID=${timeZone}:${localStamp(end, timeZone)}`,
  ];
}

/** What the description adds when the notice no longer says what holds. */
function endNote(notice: Notice, replacement: Replacement | undefined, baseUrl: string): string[] {
  const ui = UI[notice.locale];
  const notes: string[] = [];
  if (notice.liftedAt)
    notes.push(`${ui.liftedLabel}: ${formatDateTime(notice.liftedAt, notice.locale, notice.timeZone)}`);
  if (replacement)
    notes.push(`${ui.supersededBy} ${absoluteUrl(baseUrl, routes.notice(replacement.slug, notice.locale))}`);
  return notes;
}

/**
 * A notice's events (see calendarEvents). SEQUENCE is the notice's revision, which rises with
 * every published change, plus one once a newer notice replaces it: calendar apps take each as an
 * update of the same event (stable UID).
 */
function noticeEvents(
  notice: Notice,
  events: CalendarEvent[],
  baseUrl: string,
  replacement: Replacement | undefined,
): string[] {
  const url = absoluteUrl(baseUrl, routes.notice(notice.slug, notice.locale));
  const host = new URL(baseUrl).hostname;
  const description = [notice.summary, ...endNote(notice, replacement, baseUrl), url].join('\n');
  const stamp = replacement && replacement.publishedAt > notice.updatedAt ? replacement.publishedAt : notice.updatedAt;
  return events.flatMap((event) => [
    'BEGIN:VEVENT',
    `UID:${notice.slug}-${event.number}@${host}`,
    `SEQUENCE:${notice.revision + (replacement ? 1 : 0)}`,
    `DTSTAMP:${utcStamp(stamp)}`,
    ...timeLines(event, notice.timeZone),
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(description)}`,
    `URL:${url}`,
    `STATUS:${event.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ]);
}

export interface CalendarContext {
  baseUrl: string;
  /** Build time: the time-zone definitions cover this year and the next even in an empty calendar. */
  now: Date;
}

/** A notice in a calendar, with the newer notice that replaces it, if any. */
export interface CalendarEntry {
  notice: Notice;
  replacement?: Replacement | undefined;
}

/** The years timed events (and the year of the build) fall in, for the VTIMEZONE definitions. */
function yearsCovered(events: CalendarEvent[], now: Date): [number, number] {
  const years = [now.getUTCFullYear()];
  for (const event of events.filter(({ allDay }) => !allDay)) {
    years.push(event.start.getUTCFullYear(), (event.end ?? event.start).getUTCFullYear());
  }
  return [Math.min(...years), Math.max(...years) + 1];
}

/**
 * An RFC 5545 calendar of the given notices' events, named for whoever subscribes to it. It always
 * holds the VTIMEZONE of its zones, so a calendar with nothing current is still a valid calendar
 * (RFC 5545 wants at least one component).
 */
export function calendar(name: string, entries: CalendarEntry[], { baseUrl, now }: CalendarContext): string {
  const defaultZone = entries[0]?.notice.timeZone ?? DEFAULT_TIME_ZONE;
  const zones = [...new Set([defaultZone, ...entries.map(({ notice }) => notice.timeZone)])];
  const withEvents = entries.map((entry) => ({ ...entry, events: calendarEvents(entry.notice, entry.replacement) }));
  const [fromYear, toYear] = yearsCovered(
    withEvents.flatMap(({ events }) => events),
    now,
  );
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Tablica//Notices//PL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    `X-WR-TIMEZONE:${defaultZone}`,
    ...zones.flatMap((zone) => vtimezone(zone, fromYear, toYear)),
    ...withEvents.flatMap(({ notice, events, replacement }) => noticeEvents(notice, events, baseUrl, replacement)),
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** The calendar of one notice ("add to calendar" on its page). */
export const noticeCalendar = (entry: CalendarEntry, context: CalendarContext): string =>
  calendar(markedTitle(entry.notice), [entry], context);
