import { createHash } from 'node:crypto';
import { CATEGORIES, LOCALE_REGISTRY, LOCALES, type Locale } from '@tablica/shared';
import { UI } from '../../src/lib/i18n/ui.ts';
import { escapeMarkup } from '../../src/lib/outputs/escape.ts';
import { ALL_TOPIC, categoryTopic, FREQUENCIES, institutionTopic } from './request.ts';
import type { Subscriber } from './store.ts';
import { SUBSCRIPTION_WORDS } from './words.ts';

/**
 * The few pages the subscriptions answer with (confirm, manage, done): rendered here, because
 * they depend on a link's token, and plain — one small inline style, no script, usable at 320 px
 * and with a keyboard. They are never cached, never indexed, and send no Referer (the token is in
 * the address).
 */
const STYLE =
  'body{margin:0;font:1.0625rem/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff}main{max-width:40rem;margin:0 auto;padding:1rem}' +
  'h1{font-size:1.5rem;line-height:1.25}a{color:#0b4f8a}fieldset{border:1px solid #767676;margin:0 0 1rem;padding:.5rem 1rem}' +
  'label{display:block;padding:.25rem 0}button{font:inherit;padding:.6rem 1rem;margin:.25rem 0;border:2px solid #0b4f8a;background:#0b4f8a;color:#fff;border-radius:4px;cursor:pointer}' +
  'button.secondary{background:#fff;color:#8a1c1c;border-color:#8a1c1c}:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}' +
  '[role=status],[role=alert]{border-left:4px solid #0b4f8a;padding:.5rem 1rem;background:#eef4fa}';
const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

export const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-robots-tag': 'noindex',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'content-security-policy': `default-src 'none'; style-src ${STYLE_HASH}; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
};

export interface PageContext {
  language: Locale;
  siteName: string;
  homeUrl: string;
}

export function renderPage({ language, siteName, homeUrl }: PageContext, title: string, body: string): string {
  const words = SUBSCRIPTION_WORDS[language];
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeMarkup(title)} — ${escapeMarkup(siteName)}</title><style>${STYLE}</style></head><body><main><h1>${escapeMarkup(title)}</h1>${body}<p><a href="${escapeMarkup(homeUrl)}">${escapeMarkup(words.backToSite)}</a></p></main></body></html>`;
}

export const paragraph = (text: string, role?: 'status' | 'alert') =>
  `<p${role ? ` role="${role}"` : ''}>${escapeMarkup(text)}</p>`;

export const list = (items: string[], role?: 'alert') =>
  `<ul${role ? ` role="${role}"` : ''}>${items.map((item) => `<li>${escapeMarkup(item)}</li>`).join('')}</ul>`;

/** A button that POSTs (a GET must change nothing: mail scanners open every link). */
export const postButton = (action: string, label: string, extra = '', secondary = false) =>
  `<form method="post" action="${escapeMarkup(action)}">${extra}<button type="submit"${secondary ? ' class="secondary"' : ''}>${escapeMarkup(label)}</button></form>`;

/** The names of topics as a reader of `language` knows them. */
export function topicName(topic: string, language: Locale, institutions: ReadonlyMap<string, string>): string {
  if (topic === ALL_TOPIC) return SUBSCRIPTION_WORDS[language].allNotices;
  if (topic.startsWith('institution:')) {
    const slug = topic.slice('institution:'.length);
    return institutions.get(slug) ?? slug;
  }
  const category = topic.slice('category:'.length) as (typeof CATEGORIES)[number];
  return `${UI[language].category[category] ?? category}`;
}

/** The manage page's form: every topic, the language and the frequency, as they are now. */
export function manageForm(
  subscriber: Subscriber,
  action: string,
  language: Locale,
  institutions: ReadonlyMap<string, string>,
): string {
  const words = SUBSCRIPTION_WORDS[language];
  const checked = (on: boolean) => (on ? ' checked' : '');
  const topics = [
    ALL_TOPIC,
    ...[...institutions.keys()].map(institutionTopic),
    ...CATEGORIES.map((category) => categoryTopic(category)),
  ];
  const topicBoxes = topics
    .map(
      (topic) =>
        `<label><input type="checkbox" name="topic" value="${escapeMarkup(topic)}"${checked(subscriber.topics.includes(topic))}> ${escapeMarkup(topicName(topic, language, institutions))}</label>`,
    )
    .join('');
  const languages = LOCALES.map(
    (locale) =>
      `<label lang="${locale}"><input type="radio" name="language" value="${locale}"${checked(subscriber.language === locale)}> ${escapeMarkup(LOCALE_REGISTRY[locale].name)}</label>`,
  ).join('');
  const frequencies = FREQUENCIES.map(
    (frequency) =>
      `<label><input type="radio" name="frequency" value="${frequency}"${checked(subscriber.frequency === frequency)}> ${escapeMarkup(words[frequency])}</label>`,
  ).join('');
  return `<form method="post" action="${escapeMarkup(action)}"><input type="hidden" name="action" value="save"><fieldset><legend>${escapeMarkup(words.topics)}</legend>${topicBoxes}</fieldset><fieldset><legend>${escapeMarkup(words.language)}</legend>${languages}</fieldset><fieldset><legend>${escapeMarkup(words.frequency)}</legend>${frequencies}</fieldset><button type="submit">${escapeMarkup(words.save)}</button></form>${postButton(action, words.deleteAll, '<input type="hidden" name="action" value="delete">', true)}`;
}
