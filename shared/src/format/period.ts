import { LOCALE_REGISTRY, type Locale } from '../i18n/locales.ts';
import { isLocalMidnight, localDateAt, wallClockAt } from '../time/zoned.ts';
import { dateTimeFormat } from './intl-cache.ts';
import { remembered } from './remembered.ts';

/** A period to put in words; `end` is exclusive, undefined means "until further notice". */
export interface PeriodToFormat {
  start: Date;
  end?: Date | undefined;
  timeZone: string;
}

const WORDS = {
  pl: { from: 'od', to: 'do', untilFurtherNotice: 'do odwołania', yearSuffix: ' r.', time: 'godz.' },
  en: { from: 'from', to: 'to', untilFurtherNotice: 'until further notice', yearSuffix: '', time: '' },
  uk: { from: 'з', to: 'до', untilFurtherNotice: 'до окремого повідомлення', yearSuffix: '', time: 'о' },
} as const satisfies Record<Locale, unknown>;

// English "until 25 March", not "to 25 March", when there is no start in the sentence.
const UNTIL_WORD: Record<Locale, string> = { pl: 'do', en: 'until', uk: 'до' };

interface Moment {
  /** The calendar day to show: for an exclusive end at midnight, the last day included. */
  date: Date;
  time: string | undefined;
  year: number;
}

function momentOf(instant: Date, timeZone: string, locale: Locale, isEnd: boolean): Moment {
  const midnight = isLocalMidnight(instant, timeZone);
  // An end at local midnight is the end of the previous day: "until 25 March" ends at 26 March 00:00.
  const date = isEnd && midnight ? new Date(instant.getTime() - 1) : instant;
  const time = midnight
    ? undefined
    : dateTimeFormat(LOCALE_REGISTRY[locale].intl, { hour: 'numeric', minute: '2-digit', timeZone }).format(instant);
  return { date, time, year: wallClockAt(date, timeZone).year };
}

function dayText(moment: Moment, timeZone: string, locale: Locale, withYear: boolean): string {
  const words = WORDS[locale];
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', timeZone };
  if (withYear) options.year = 'numeric';
  let text = dateTimeFormat(LOCALE_REGISTRY[locale].intl, options).format(moment.date);
  if (withYear) text += words.yearSuffix;
  if (moment.time) text += words.time ? ` ${words.time} ${moment.time}` : `, ${moment.time}`;
  return text;
}

/**
 * A period in words, as a resident would say it: "od 16 marca do 25 marca 2020 r.",
 * "from 16 March 2020 until further notice", "з 16 березня до 25 березня 2020 р.".
 * The year is written once when both ends fall in the same year and neither has a time.
 */
export const formatPeriod: (period: PeriodToFormat, locale: Locale) => string = remembered(
  ({ start, end, timeZone }, locale) => `${start.getTime()} ${end?.getTime()} ${timeZone} ${locale}`,
  wordsForPeriod,
);

function wordsForPeriod({ start, end, timeZone }: PeriodToFormat, locale: Locale): string {
  const words = WORDS[locale];
  const from = momentOf(start, timeZone, locale, false);
  if (!end) return `${words.from} ${dayText(from, timeZone, locale, true)} ${words.untilFurtherNotice}`;
  const to = momentOf(end, timeZone, locale, true);
  if (localDateAt(from.date, timeZone) === localDateAt(to.date, timeZone) && !from.time && !to.time) {
    return dayText(from, timeZone, locale, true);
  }
  const shareYear = from.year === to.year && !from.time && !to.time;
  return `${words.from} ${dayText(from, timeZone, locale, !shareYear)} ${words.to} ${dayText(to, timeZone, locale, true)}`;
}

/** "do 25 marca 2020 r." — the end of something, or "do odwołania" when it has none. */
export const formatUntil: (end: Date | undefined, timeZone: string, locale: Locale) => string = remembered(
  (end, timeZone, locale) => `${end?.getTime()} ${timeZone} ${locale}`,
  (end, timeZone, locale) =>
    end
      ? `${UNTIL_WORD[locale]} ${dayText(momentOf(end, timeZone, locale, true), timeZone, locale, true)}`
      : WORDS[locale].untilFurtherNotice,
);
