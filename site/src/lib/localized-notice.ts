import type { Locale, Notice, NoticeStatus } from '@tablica/shared';

/**
 * A notice as a list in one language shows it: its own translation, or else the Polish original
 * (marked, and linked to the Polish page: untranslated notices get no copy per language).
 */
export interface LocalizedNotice {
  notice: Notice;
  /** The language of the list, which differs from `notice.locale` when this is a fallback. */
  pageLocale: Locale;
  isFallback: boolean;
  status: NoticeStatus;
  /** Languages this notice really exists in (for hreflang and the language switcher). */
  translations: Locale[];
}
