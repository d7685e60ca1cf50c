import {
  endOfLocalDay,
  isLocalMidnight,
  type LocalDate,
  localDateAt,
  startOfLocalDay,
  wallClockAt,
  zonedTimeToInstant,
} from './zoned.ts';

/**
 * A start or an end as an editor enters it: the calendar day they click, and a time only when
 * the day does not start or end at midnight. "Until 25 March" is the day 25 March, inclusive;
 * "until 25 March, 16:00" adds the time. Days and times are the notice's zone's.
 */
export interface EnteredMoment {
  date: LocalDate;
  /** "HH:mm" (Strapi's time fields send "HH:mm:ss.SSS"; seconds are dropped). */
  time?: string | undefined;
}

const TIME = /^(\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,3})?)?$/;

/** "16:00:00.000" → "16:00"; undefined for no time or one that is not a time of day. */
export function enteredTime(value: unknown): string | undefined {
  const match = typeof value === 'string' ? TIME.exec(value) : null;
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) return undefined;
  return `${match[1]}:${match[2]}`;
}

/** The instant a start means: that day's midnight, or that time. */
export const startInstant = ({ date, time }: EnteredMoment, timeZone: string): Date =>
  time ? zonedTimeToInstant(date, time, timeZone) : startOfLocalDay(date, timeZone);

/** The instant an end means, as the exclusive bound outputs use: the day after's midnight, or that time. */
export const endInstant = ({ date, time }: EnteredMoment, timeZone: string): Date =>
  time ? zonedTimeToInstant(date, time, timeZone) : endOfLocalDay(date, timeZone);

const hhmm = (instant: Date, timeZone: string) => {
  const wall = wallClockAt(instant, timeZone);
  return `${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;
};

/** A stored start as the editor would enter it. */
export const enteredStart = (instant: Date, timeZone: string): EnteredMoment =>
  isLocalMidnight(instant, timeZone)
    ? { date: localDateAt(instant, timeZone) }
    : { date: localDateAt(instant, timeZone), time: hhmm(instant, timeZone) };

/** A stored (exclusive) end as the editor would enter it: a midnight end is the day before, inclusive. */
export const enteredEnd = (instant: Date, timeZone: string): EnteredMoment =>
  isLocalMidnight(instant, timeZone)
    ? { date: localDateAt(new Date(instant.getTime() - 1), timeZone) }
    : { date: localDateAt(instant, timeZone), time: hhmm(instant, timeZone) };
