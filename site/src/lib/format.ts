import {
  dateTimeFormat,
  formatPeriod,
  LOCALE_REGISTRY,
  type Locale,
  type Notice,
  type Suspension,
  suspensionPeriod,
} from '@tablica/shared';

/** "16 marca 2020, 10:15" in the notice's zone: when something was created, published or changed. */
export function formatDateTime(instant: Date, locale: Locale, timeZone: string): string {
  return dateTimeFormat(LOCALE_REGISTRY[locale].intl, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(
    instant,
  );
}

export function formatDate(instant: Date, locale: Locale, timeZone: string): string {
  return dateTimeFormat(LOCALE_REGISTRY[locale].intl, { dateStyle: 'long', timeZone }).format(instant);
}

/** "od 16 marca do 25 marca 2020 r." — the notice's own period, in the page's language. */
export function noticePeriodText(notice: Notice, locale: Locale): string {
  return formatPeriod({ start: notice.effectiveFrom, end: notice.effectiveUntil, timeZone: notice.timeZone }, locale);
}

export function suspensionPeriodText(suspension: Suspension, notice: Notice, locale: Locale): string {
  const { start, end } = suspensionPeriod(suspension, notice);
  return formatPeriod({ start, end, timeZone: notice.timeZone }, locale);
}

/** Calendar dates of a local-date string, e.g. "2020-03-25" → "25 marca 2020". */
export function formatLocalDate(date: string, locale: Locale): string {
  return dateTimeFormat(LOCALE_REGISTRY[locale].intl, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}
