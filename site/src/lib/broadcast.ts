import { type BroadcastForms, broadcastForms, isStillNews, type Locale, markedTitle, type Notice } from '@tablica/shared';
import { type SiteContent, successorsIn } from './content.ts';
import { NEWSROOM } from './i18n/newsroom.ts';
import { absoluteUrl, routes } from './routes.ts';

/**
 * The broadcast forms on the site: which notices have them, and the same forms as the text files
 * newsrooms download. Only notices still news (current, or ended in the last 30 days — the ones a
 * radio desk may still announce or withdraw) have them, so the archive adds nothing to a build.
 */
export function broadcastNotices(content: SiteContent, locale: Locale): Notice[] {
  return content.slugs.flatMap((slug) => {
    const notice = content.versions.get(slug)?.[locale];
    return notice && isStillNews(notice, content.now) && successorsIn(content, slug, locale).length === 0
      ? [notice]
      : [];
  });
}

const made = new WeakMap<Notice, BroadcastForms>();

/** The forms of one notice version in its own language (made once per build). */
export function formsOf(content: SiteContent, notice: Notice): BroadcastForms {
  const known = made.get(notice);
  if (known) return known;
  const institution = content.institutionBySlug.get(notice.institution);
  const forms = broadcastForms(
    {
      notice,
      institutionName: institution?.name ?? notice.institution,
      institutionShortName: institution?.shortName,
      institutionArea: institution?.area?.description,
      siteHost: new URL(content.baseUrl).host,
      now: content.now,
      pageUrl: absoluteUrl(content.baseUrl, routes.notice(notice.slug, notice.locale)),
    },
    notice.locale,
  );
  made.set(notice, forms);
  return forms;
}

const heading = (notice: Notice, locale: Locale) =>
  `${markedTitle(notice)}\n${NEWSROOM[locale].version(notice.revision)} · ${notice.slug}`;

/** radio.txt: both scripts, each under its heading with its reading time. */
export function radioText(content: SiteContent, notice: Notice): string {
  const words = NEWSROOM[notice.locale];
  const { radio } = formsOf(content, notice);
  return `${[
    heading(notice, notice.locale),
    `== ${words.radioShort} ==\n${words.readingTime(radio.short.seconds, radio.short.words)}\n\n${radio.short.text}`,
    `== ${words.radioFull} ==\n${words.readingTime(radio.full.seconds, radio.full.words)}\n\n${radio.full.text}`,
  ].join('\n\n')}\n`;
}

/** warning.txt: the warning message or its withdrawal, as it is to be passed on. */
export function warningText(content: SiteContent, notice: Notice): string {
  return `${formsOf(content, notice).warning?.text ?? ''}\n`;
}

/** sms.txt: the three SMS texts, each with its size as a network counts it. */
export function smsText(content: SiteContent, notice: Notice): string {
  const words = NEWSROOM[notice.locale];
  const { sms } = formsOf(content, notice);
  const block = (title: string, form: BroadcastForms['sms']['oneSegment']) =>
    `== ${title} ==\n${words.smsSize(form.size)}${form.fits ? '' : ` ${words.overLimit}`}\n\n${form.text}`;
  return `${[
    heading(notice, notice.locale),
    block(words.smsOneSegment, sms.oneSegment),
    block(words.smsAlert, sms.alert),
    block(words.smsOriginal, sms.original),
  ].join('\n\n')}\n`;
}
