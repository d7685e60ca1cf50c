import {
  type BroadcastForms,
  broadcastForms,
  isStillNews,
  type Locale,
  markedTitle,
  type Notice,
  SHORT_SCRIPT_SECONDS,
} from '@tablica/shared';
import { type SiteContent, successorsIn } from './content.ts';
import { formsSource } from './forms-source.ts';
import { NEWSROOM } from './i18n/newsroom.ts';

/**
 * The broadcast forms on the site: which notices have them, and the same forms as the text files
 * newsrooms download. Only notices still news (current, or ended in the last 30 days — the ones a
 * radio desk may still announce or withdraw) have them, so the archive adds nothing to a build.
 */
export function broadcastNotices(
  content: SiteContent,
  locale: Locale,
  slugs: readonly string[] = content.slugs,
): Notice[] {
  return slugs.flatMap((slug) => {
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
  const forms = broadcastForms(formsSource(content, notice), notice.locale);
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

/** One form as the newsroom page and the editor's preview show it. */
export interface FormEntry {
  key: 'warning' | 'banner' | 'sms1' | 'sms306' | 'sms' | 'radio30' | 'radio' | 'social';
  title: string;
  text: string;
  /** Its size as its medium counts it ("156 znaków, 1 wiadomość SMS"); empty where none applies. */
  note: string;
  fits: boolean;
}

/** Every form of a notice in reading order: a threat's warning message first, then banner, SMS, radio, post. */
export function formEntries(forms: BroadcastForms, locale: Locale): FormEntry[] {
  const w = NEWSROOM[locale];
  const warning: FormEntry[] = forms.warning
    ? [
        {
          key: 'warning',
          title: forms.warning.kind === 'warning' ? w.warningTitle : w.withdrawalTitle,
          text: forms.warning.text,
          note: '',
          fits: true,
        },
      ]
    : [];
  const sms = (
    key: 'sms1' | 'sms306' | 'sms',
    title: string,
    form: BroadcastForms['sms']['oneSegment'],
  ): FormEntry => ({
    key,
    title,
    text: form.text,
    note: w.smsSize(form.size),
    fits: form.fits,
  });
  return [
    ...warning,
    {
      key: 'banner',
      title: w.banner,
      text: forms.banner.text,
      note: w.length(forms.banner.length, forms.banner.limit),
      fits: forms.banner.fits,
    },
    sms('sms1', w.smsOneSegment, forms.sms.oneSegment),
    sms('sms306', w.smsAlert, forms.sms.alert),
    sms('sms', w.smsOriginal, forms.sms.original),
    {
      key: 'radio30',
      title: w.radioShort,
      text: forms.radio.short.text,
      note: w.readingTime(forms.radio.short.seconds, forms.radio.short.words),
      fits: forms.radio.short.seconds <= SHORT_SCRIPT_SECONDS,
    },
    {
      key: 'radio',
      title: w.radioFull,
      text: forms.radio.full.text,
      note: w.readingTime(forms.radio.full.seconds, forms.radio.full.words),
      fits: true,
    },
    {
      key: 'social',
      title: w.social,
      text: forms.social.text,
      note: w.length(forms.social.length, forms.social.limit),
      fits: forms.social.fits,
    },
  ];
}
