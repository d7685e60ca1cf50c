import type { Locale } from '../i18n/locales.ts';
import { formatUntil } from './period.ts';

/**
 * The change-register entries that the one-step actions write in every language the notice is
 * published in, so an English or Ukrainian reader learns of an extension or a lifting in their
 * own language ("Przedłużono do 10 kwietnia 2026 r.", "Extended until 10 April 2026.").
 */
const EXTENDED: Record<Locale, string> = { pl: 'Przedłużono', en: 'Extended', uk: 'Продовжено' };
const LIFTED: Record<Locale, string> = {
  pl: 'Komunikat odwołano.',
  en: 'This notice has been lifted.',
  uk: 'Повідомлення скасовано.',
};

const sentence = (text: string) => (text.endsWith('.') ? text : `${text}.`);

/** "Przedłużono do 10 kwietnia 2026 r.", "Extended until further notice." (end exclusive). */
export function extensionNote(end: Date | undefined, timeZone: string, locale: Locale): string {
  return sentence(`${EXTENDED[locale]} ${formatUntil(end, timeZone, locale)}`);
}

export function liftNote(locale: Locale): string {
  return LIFTED[locale];
}
