import {
  current,
  effectiveEnd,
  LOCALES,
  type Locale,
  marked,
  markedTitle,
  type Notice,
  type Severity,
} from '@tablica/shared';
import { channelDisplayValue, mainPhone } from '../channel-text.ts';
import { noticePeriodText } from '../format.ts';
import { UI } from '../i18n/ui.ts';
import { WIDGET_WORDS, type WidgetWords } from '../i18n/widget.ts';
import type { LocalizedNotice } from '../localized-notice.ts';
import { absoluteUrl, routes } from '../routes.ts';

/** Notices per widget file: a widget shows at most ten. */
export const WIDGET_NOTICES = 10;
export const WIDGET_DATA_VERSION = 1;

/** A widget data file, as embed.js (src/widget/embed.js, type-checked against this) reads it. */
export interface WidgetFile {
  v: number;
  title: string;
  lang: Locale;
  /** Where "more" and the fallback link lead. */
  url: string;
  generated: string;
  /** The widget's words: in the file's language (for one notice, in every language, as `lang=` asks). */
  words: Partial<Record<Locale, WidgetWords>>;
  notices: WidgetNotice[];
}

export interface WidgetNotice {
  slug: string;
  lang: Locale;
  title: string;
  headline?: string;
  summary: string;
  url: string;
  severity: Severity;
  from: string;
  /** When it stops being in force (lifted or ended); null while open-ended. */
  until: string | null;
  period: string;
  /** The notice page's easy-to-read text, for the single-notice widget's link to it; absent without one. */
  easy?: string;
  /** The main phone, for a tap-to-call line ("Zadzwoń: +48 32 555 01 99"); absent without one. */
  call?: { label: string; number: string; href: string };
}

export interface WidgetContext {
  baseUrl: string;
  now: Date;
  locale: Locale;
  /** Where the no-JavaScript fallback link and "more" lead. */
  listPath: string;
  title: string;
  /** The withdrawal of each ended threat's warning (issue 17, item 4): its widget says so instead of the summary. */
  withdrawals?: ReadonlyMap<Notice, string>;
}

/**
 * The data an embedded widget fetches: notices in force and announced, urgent first, with just
 * what a one-line banner or a short list shows. Short keys keep ten notices well under 3 KB
 * gzipped. `until` lets the widget hide a notice whose end has passed by the reader's clock.
 */
export function widgetData(items: LocalizedNotice[], context: WidgetContext) {
  return widgetFile(
    current(items)
      .slice(0, WIDGET_NOTICES)
      .map(({ notice }) => notice),
    context,
    [context.locale],
  );
}

/**
 * One notice for the single-notice widget, in every language it is written in (the original
 * first): the widget shows the reader's language or falls back to the original. Kept after the
 * notice ends, so a widget in an old article says it has ended instead of going blank.
 */
export const singleNoticeWidgetData = (versions: Notice[], context: WidgetContext) =>
  widgetFile(versions, context, LOCALES);

/** `languages`: whose words the file carries (the element's `lang` picks them). */
function widgetFile(
  notices: Notice[],
  { baseUrl, now, locale, listPath, title, withdrawals }: WidgetContext,
  languages: readonly Locale[],
): WidgetFile {
  return {
    v: WIDGET_DATA_VERSION,
    title,
    lang: locale,
    url: absoluteUrl(baseUrl, listPath),
    generated: now.toISOString(),
    words: Object.fromEntries(languages.map((language) => [language, WIDGET_WORDS[language]])),
    notices: notices.map((notice) => widgetNotice(notice, baseUrl, withdrawals?.get(notice))),
  };
}

function widgetNotice(notice: Notice, baseUrl: string, withdrawal: string | undefined): WidgetNotice {
  return {
    slug: notice.slug,
    lang: notice.locale,
    // A rehearsal is marked in the words a partner site shows ("ĆWICZENIA: …"), banner included.
    title: markedTitle(notice),
    ...(notice.headline ? { headline: marked(notice, notice.headline) } : {}),
    summary: withdrawal ?? notice.summary,
    url: absoluteUrl(baseUrl, routes.notice(notice.slug, notice.locale)),
    severity: notice.severity,
    from: notice.effectiveFrom.toISOString(),
    until: effectiveEnd(notice)?.toISOString() ?? null,
    period: noticePeriodText(notice, notice.locale),
    ...(notice.easyRead
      ? { easy: `${absoluteUrl(baseUrl, routes.notice(notice.slug, notice.locale))}#tekst-latwy` }
      : {}),
    ...callOf(notice),
  };
}

function callOf(notice: Notice): Pick<WidgetNotice, 'call'> {
  const phone = mainPhone(notice.channels);
  if (!phone) return {};
  const number = phone.extension
    ? `${channelDisplayValue(phone)} ${UI[notice.locale].extension} ${phone.extension}`
    : channelDisplayValue(phone);
  return { call: { label: phone.label, number, href: phone.href } };
}
