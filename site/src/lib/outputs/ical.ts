import { addDays, localDateAt, type Notice, suspensionPeriod } from '@tablica/shared';
import { absoluteUrl, routes } from '../routes.ts';

export interface CalendarContext {
  baseUrl: string;
}

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

/**
 * One all-day event per facility change (or one for the notice when it lists none; a facility
 * open as usual has none), in the
 * issuer's calendar days. SEQUENCE is the notice's revision, which rises with every published
 * change, so calendar apps take an edit as an update of the same event (stable UID). A lifted
 * notice keeps its events, announced with STATUS:CANCELLED.
 */
function noticeEvents(notice: Notice, baseUrl: string): string[] {
  const url = absoluteUrl(baseUrl, routes.notice(notice.slug, notice.locale));
  const host = new URL(baseUrl).hostname;
  // The periods as announced: a cancellation names the events calendars already hold.
  const planned = { ...notice, liftedAt: undefined };
  // A facility open as usual is no event in anyone's calendar. Each change keeps the UID of its
  // place in the notice, so marking one facility open does not renumber the others' events.
  const changes = notice.suspensions
    .map((suspension, index) => ({ suspension, number: index + 1 }))
    .filter(({ suspension }) => suspension.mode !== 'open');
  const periods =
    changes.length > 0
      ? changes.map(({ suspension, number }) => ({
          number,
          summary: `${suspension.facility}: ${notice.title}`,
          ...suspensionPeriod(suspension, planned),
        }))
      : [{ number: 1, summary: notice.title, start: notice.effectiveFrom, end: notice.effectiveUntil }];
  return periods.flatMap(({ number, summary, start, end }) => {
    const firstDay = localDateAt(start, notice.timeZone);
    // An exclusive end at local midnight is the next day already; otherwise the event covers its day.
    const lastDay = end ? localDateAt(new Date(end.getTime() - 1), notice.timeZone) : firstDay;
    return [
      'BEGIN:VEVENT',
      `UID:${notice.slug}-${number}@${host}`,
      `SEQUENCE:${notice.revision}`,
      `DTSTAMP:${utcStamp(notice.updatedAt)}`,
      `DTSTART;VALUE=DATE:${basicDate(firstDay)}`,
      `DTEND;VALUE=DATE:${basicDate(addDays(lastDay, 1))}`,
      `SUMMARY:${escapeText(summary)}`,
      `DESCRIPTION:${escapeText(`${notice.summary}\n${url}`)}`,
      `URL:${url}`,
      `STATUS:${notice.liftedAt ? 'CANCELLED' : 'CONFIRMED'}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    ];
  });
}

/** An RFC 5545 calendar of the given notices' events, named for whoever subscribes to it. */
export function calendar(name: string, notices: Notice[], { baseUrl }: CalendarContext): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Tablica//Notices//PL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    `X-WR-TIMEZONE:${notices[0]?.timeZone ?? 'Europe/Warsaw'}`,
    ...notices.flatMap((notice) => noticeEvents(notice, baseUrl)),
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** The calendar of one notice ("add to calendar" on its page). */
export const noticeCalendar = (notice: Notice, context: CalendarContext): string =>
  calendar(notice.title, [notice], context);
