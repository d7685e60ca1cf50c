import type { Locale } from '../i18n/locales.ts';

/**
 * Whether a notice is real or a rehearsal, in CAP's words (its `status`): `actual`, or an
 * `exercise` (Ćwiczenia: an emergency rehearsed end to end) or a `test` (a technical check).
 * Every output that names a rehearsal says so, and no list or count treats it as a real notice.
 */
export const MESSAGE_STATUSES = ['actual', 'exercise', 'test'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];
export type Rehearsal = Exclude<MessageStatus, 'actual'>;

interface HasMessageStatus {
  messageStatus?: MessageStatus | undefined;
}

/** The rehearsal a notice is, or undefined for a real notice (older data has no status: real). */
export const rehearsalOf = (notice: HasMessageStatus): Rehearsal | undefined =>
  notice.messageStatus === 'exercise' || notice.messageStatus === 'test' ? notice.messageStatus : undefined;

export const isRehearsal = (notice: HasMessageStatus): boolean => rehearsalOf(notice) !== undefined;

interface RehearsalWords {
  /** Before a title, in capitals as broadcasters mark them: "ĆWICZENIA: …". */
  label: string;
  /** The sentence that opens (and, read aloud, closes) every rehearsal message. */
  sentence: string;
}

export const REHEARSAL_WORDS: Record<Locale, Record<Rehearsal, RehearsalWords>> = {
  pl: {
    exercise: { label: 'ĆWICZENIA', sentence: 'To są ćwiczenia, a nie prawdziwy komunikat.' },
    test: { label: 'TEST', sentence: 'To jest test, a nie prawdziwy komunikat.' },
  },
  en: {
    exercise: { label: 'EXERCISE', sentence: 'This is an exercise, not a real notice.' },
    test: { label: 'TEST', sentence: 'This is a test, not a real notice.' },
  },
  uk: {
    exercise: { label: 'НАВЧАННЯ', sentence: 'Це навчання, а не справжнє повідомлення.' },
    test: { label: 'ТЕСТ', sentence: 'Це тест, а не справжнє повідомлення.' },
  },
};

/** The words that mark this notice in a language, or undefined for a real notice. */
export function rehearsalWords(notice: HasMessageStatus, locale: Locale): RehearsalWords | undefined {
  const rehearsal = rehearsalOf(notice);
  return rehearsal && REHEARSAL_WORDS[locale][rehearsal];
}

/**
 * The lines that open and close a rehearsal's text message or script ("ĆWICZENIA. To są
 * ćwiczenia…" … "To są ćwiczenia…"): said first so no one acts on it, and again at the end for
 * whoever tuned in late. Empty for a real notice.
 */
export function rehearsalFrame(notice: HasMessageStatus, locale: Locale): { first: string[]; last: string[] } {
  const words = rehearsalWords(notice, locale);
  return words ? { first: [`${words.label}. ${words.sentence}`], last: [words.sentence] } : { first: [], last: [] };
}

/** A text naming the notice, as every list, feed and message shows it: "ĆWICZENIA: …" for a rehearsal. */
export function marked(notice: HasMessageStatus & { locale: Locale }, text: string, locale = notice.locale): string {
  const words = rehearsalWords(notice, locale);
  return words ? `${words.label}: ${text}` : text;
}

export const markedTitle = (notice: HasMessageStatus & { title: string; locale: Locale }): string =>
  marked(notice, notice.title);
