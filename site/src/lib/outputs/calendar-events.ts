import { isLocalMidnight, markedTitle, type Notice, suspensionPeriod } from '@tablica/shared';

/** A newer notice that replaces this one (an extension published as its own notice). */
export interface Replacement {
  slug: string;
  /** From this instant the newer notice says what holds; the old one's events stop there. */
  from: Date;
  publishedAt: Date;
}

/**
 * One calendar event of a notice, in instants. `end` is exclusive; undefined means "until
 * further notice". `allDay` events cover whole local days of `timeZone`.
 */
export interface CalendarEvent {
  /** The event's place in the notice, part of its UID (stable when other facilities change). */
  number: number;
  summary: string;
  start: Date;
  end: Date | undefined;
  allDay: boolean;
  /** Open-ended: repeated every day from its first day, until `end` if it was lifted or replaced. */
  daily: boolean;
  cancelled: boolean;
}

/** The periods as announced, each facility change or the notice itself when it lists none. */
function plannedPeriods(notice: Notice): Array<Pick<CalendarEvent, 'number' | 'summary' | 'start' | 'end'>> {
  const planned = { ...notice, liftedAt: undefined };
  // A facility open as usual is no event in anyone's calendar. Each change keeps the number of its
  // place in the notice, so marking one facility open does not renumber the others' events.
  const changes = notice.suspensions
    .map((suspension, index) => ({ suspension, number: index + 1 }))
    .filter(({ suspension }) => suspension.mode !== 'open');
  if (changes.length === 0) {
    return [{ number: 1, summary: markedTitle(notice), start: notice.effectiveFrom, end: notice.effectiveUntil }];
  }
  return changes.map(({ suspension, number }) => ({
    number,
    summary: `${suspension.facility}: ${markedTitle(notice)}`,
    ...suspensionPeriod(suspension, planned),
  }));
}

/** When the notice stopped saying what holds: lifted, or replaced by a newer notice, whichever came first. */
function cutOf(notice: Notice, replacement: Replacement | undefined): Date | undefined {
  const candidates = [notice.liftedAt, replacement?.from].filter((instant): instant is Date => instant !== undefined);
  return candidates.length > 0 ? new Date(Math.min(...candidates.map((instant) => instant.getTime()))) : undefined;
}

/**
 * The events a notice puts in calendars. A period of whole local days is an all-day event; one
 * with a time of day keeps its times (a water shut-off 08:00–16:00). An open-ended period repeats
 * daily with no end, the one form every calendar app shows "in force every day until lifted"
 * (an event without an end is one day long in RFC 5545; a far-away end would be a date nobody
 * announced). Lifting or replacing the notice ends the events there; a period that had not begun
 * by then is cancelled.
 */
export function calendarEvents(notice: Notice, replacement?: Replacement): CalendarEvent[] {
  const cut = cutOf(notice, replacement);
  const zone = notice.timeZone;
  return plannedPeriods(notice).map((period) => {
    const daily = period.end === undefined;
    const wholeDays = isLocalMidnight(period.start, zone) && (!period.end || isLocalMidnight(period.end, zone));
    if (cut && cut <= period.start) {
      return { ...period, allDay: wholeDays || daily, daily, cancelled: true };
    }
    const end = cut && (!period.end || cut < period.end) ? cut : period.end;
    return { ...period, end, allDay: wholeDays || daily, daily, cancelled: false };
  });
}
