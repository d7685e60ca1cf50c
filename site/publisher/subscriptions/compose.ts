import { DEFAULT_LOCALE, isLocale, type Locale } from '@tablica/shared';
import { escapeMarkup } from '../../src/lib/outputs/escape.ts';
import type { VersionMessage, VersionText } from './live-versions.ts';
import { SUBSCRIPTION_WORDS } from './words.ts';

/** A mail as nodemailer takes it; `to` is added by whoever sends it. */
export interface Mail {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  messageId?: string;
}

/** Where a message's links go for this subscriber: the one-click unsubscribe and the manage page. */
export interface SubscriberLinks {
  unsubscribe: string;
  manage: string;
}

/** No line break may reach a header: a subject is one line whatever the content says. */
const oneLine = (text: string) => text.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();

/** RFC 2369 and RFC 8058: mail clients show "Unsubscribe" and may POST to it without opening anything. */
function listHeaders(links: SubscriberLinks, siteHost: string): Record<string, string> {
  return {
    'List-Unsubscribe': `<${links.unsubscribe}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'List-Id': `<notices.${siteHost}>`,
    'Auto-Submitted': 'auto-generated',
  };
}

/** The text of a version for a reader of `language`: theirs when translated, else the original. */
export function textFor(message: VersionMessage, language: string): { text: VersionText; translated: boolean } {
  const wanted = isLocale(language) ? language : DEFAULT_LOCALE;
  const own = message.texts[wanted];
  const text = own ?? message.texts[DEFAULT_LOCALE] ?? Object.values(message.texts)[0];
  if (!text) throw new Error(`Tablica: notice version ${message.slug}@${message.revision} has no text`);
  return { text, translated: own !== undefined || wanted === DEFAULT_LOCALE };
}

function versionBlock(message: VersionMessage, language: Locale): { text: string; html: string } {
  const words = SUBSCRIPTION_WORDS[language];
  const { text, translated } = textFor(message, language);
  const lines = [
    `${words.kindSentence[message.kind]} — ${message.institution}`,
    '',
    text.title,
    `${words.period}: ${text.period}`,
    '',
    text.summary,
    ...(text.changeNote ? ['', text.changeNote] : []),
    ...(translated ? [] : ['', words.untranslated]),
    '',
    `${words.readMore}: ${text.url}`,
  ];
  const lang = text.locale;
  const html = [
    `<p style="margin:0 0 4px;font-size:14px;color:#444">${escapeMarkup(words.kindSentence[message.kind])} — ${escapeMarkup(message.institution)}</p>`,
    `<h2 lang="${lang}" style="margin:0 0 8px;font-size:20px;line-height:1.3"><a href="${escapeMarkup(text.url)}" style="color:#0b4f8a">${escapeMarkup(text.title)}</a></h2>`,
    `<p style="margin:0 0 8px"><strong>${escapeMarkup(words.period)}:</strong> <span lang="${lang}">${escapeMarkup(text.period)}</span></p>`,
    `<p lang="${lang}" style="margin:0 0 8px;white-space:pre-line">${escapeMarkup(text.summary)}</p>`,
    text.changeNote
      ? `<p lang="${lang}" style="margin:0 0 8px;white-space:pre-line"><em>${escapeMarkup(text.changeNote)}</em></p>`
      : '',
    translated ? '' : `<p style="margin:0 0 8px;font-size:14px">${escapeMarkup(words.untranslated)}</p>`,
    `<p style="margin:0 0 16px"><a href="${escapeMarkup(text.url)}" style="color:#0b4f8a">${escapeMarkup(words.readMore)}</a></p>`,
  ].join('');
  return { text: lines.join('\n'), html };
}

function page(language: Locale, title: string, body: string, footer: string): string {
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeMarkup(title)}</title></head><body style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;background:#ffffff"><div style="max-width:600px;margin:0 auto">${body}<hr style="border:0;border-top:1px solid #ccc;margin:24px 0 12px"><p style="font-size:13px;color:#444;margin:0">${footer}</p></div></body></html>`;
}

function footers(language: Locale, siteName: string, links: SubscriberLinks) {
  const words = SUBSCRIPTION_WORDS[language];
  return {
    text: `--\n${words.whyYouGetThis(siteName)}\n${words.manage}: ${links.manage}\n${words.unsubscribe}: ${links.unsubscribe}`,
    html: `${escapeMarkup(words.whyYouGetThis(siteName))}<br><a href="${escapeMarkup(links.manage)}" style="color:#0b4f8a">${escapeMarkup(words.manage)}</a>`,
  };
}

/** One version, sent at once to a subscriber who wants every change as it comes. */
export function versionMail(message: VersionMessage, language: Locale, links: SubscriberLinks, siteHost: string): Mail {
  const words = SUBSCRIPTION_WORDS[language];
  const { text } = textFor(message, language);
  const block = versionBlock(message, language);
  const footer = footers(language, message.siteName, links);
  const subject = oneLine(`${words.kindLabel[message.kind]}${text.title}`);
  return {
    subject,
    text: `${block.text}\n\n${footer.text}\n`,
    html: page(language, subject, block.html, footer.html),
    headers: listHeaders(links, siteHost),
  };
}

/** Several versions in one mail, for a subscriber who asked for one a day. */
export function digestMail(
  messages: VersionMessage[],
  language: Locale,
  links: SubscriberLinks,
  siteHost: string,
): Mail {
  const words = SUBSCRIPTION_WORDS[language];
  const siteName = messages[0]?.siteName ?? 'Tablica';
  const blocks = messages.map((message) => versionBlock(message, language));
  const footer = footers(language, siteName, links);
  const subject = oneLine(words.digestSubject(messages.length, siteName));
  return {
    subject,
    text: `${words.digestIntro}\n\n${blocks.map((block) => block.text).join('\n\n* * *\n\n')}\n\n${footer.text}\n`,
    html: page(
      language,
      subject,
      `<h1 style="font-size:22px;margin:0 0 16px">${escapeMarkup(words.digestIntro)}</h1>${blocks.map((block) => block.html).join('<hr style="border:0;border-top:1px solid #eee;margin:16px 0">')}`,
      footer.html,
    ),
    headers: listHeaders(links, siteHost),
  };
}

/** The double opt-in: nothing is sent to an address until its owner follows this link. */
export function confirmationMail(
  language: Locale,
  siteName: string,
  topicNames: string[],
  confirmUrl: string,
  hours: number,
): Mail {
  const words = SUBSCRIPTION_WORDS[language];
  const body = words.confirmBody(siteName, topicNames.join(', '), hours);
  const subject = oneLine(words.confirmSubject(siteName));
  return {
    subject,
    text: `${body}\n\n${words.confirmButton}: ${confirmUrl}\n`,
    html: page(
      language,
      subject,
      `${body
        .split('\n\n')
        .map((paragraph) => `<p style="margin:0 0 12px">${escapeMarkup(paragraph)}</p>`)
        .join(
          '',
        )}<p style="margin:16px 0"><a href="${escapeMarkup(confirmUrl)}" style="display:inline-block;padding:10px 16px;background:#0b4f8a;color:#ffffff;text-decoration:none;border-radius:4px">${escapeMarkup(words.confirmButton)}</a></p><p style="font-size:13px;margin:0;word-break:break-all">${escapeMarkup(confirmUrl)}</p>`,
      escapeMarkup(siteName),
    ),
    headers: { 'Auto-Submitted': 'auto-generated' },
  };
}
