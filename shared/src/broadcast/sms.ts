import { APOSTROPHES } from '../i18n/apostrophes.ts';
import { CYRILLIC_TO_LATIN, CYRILLIC_WORD_INITIAL } from '../i18n/romanisation.ts';

/**
 * SMS text: the GSM 03.38 alphabet, a transliteration into it, and the segment count an operator
 * bills. Alert RCB's rule (2018 regulation, §3) is 7-bit GSM, Polish without diacritics, at most
 * 306 characters: two concatenated segments of 153. A message with any character outside GSM-7 goes
 * as UCS-2 instead, at 70 a segment (67 when concatenated) — Polish with diacritics costs ~2.3×.
 */

/** The GSM 03.38 basic character set (without the escape that introduces the extension). */
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** The extension table: each costs two septets (escape + character). */
const GSM_EXTENSION = new Set('\f^{}\\[~]|€');

export const isGsm7 = (text: string): boolean =>
  [...text].every((character) => GSM_BASIC.has(character) || GSM_EXTENSION.has(character));

/** Characters that Unicode normalisation does not take apart, and typography GSM-7 lacks. */
const REPLACEMENTS: Record<string, string> = {
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  ø: 'o',
  Ø: 'O',
  œ: 'oe',
  Œ: 'OE',
  '„': '"',
  '“': '"',
  '”': '"',
  '«': '"',
  '»': '"',
  '″': '"',
  '‘': "'",
  '’': "'",
  '‚': "'",
  '′': "'",
  '–': '-',
  '—': '-',
  '―': '-',
  '‒': '-',
  '−': '-',
  '‐': '-',
  '…': '...',
  '•': '-',
  '·': '-',
  '×': 'x',
  '°': 'st',
  '№': 'Nr',
  '\t': ' ',
};

// Ukrainian by KMU 2010 with its word-initial forms; `ё` as io (yo at a word's start).
const CYRILLIC: Readonly<Record<string, string>> = { ...CYRILLIC_TO_LATIN, ё: 'io' };
const CYRILLIC_INITIAL: Readonly<Record<string, string>> = { ...CYRILLIC_WORD_INITIAL, ё: 'yo' };

const APOSTROPHE_SET = new Set(APOSTROPHES);
const isCyrillic = (character: string) => /^[\u0400-\u04ff]$/.test(character);

function transliterateCyrillic(character: string, atWordStart: boolean): string | undefined {
  const code = character.charCodeAt(0);
  if (code < 0x400 || code > 0x4ff) return undefined;
  const lower = character.toLowerCase();
  const latin = (atWordStart ? CYRILLIC_INITIAL[lower] : undefined) ?? CYRILLIC[lower];
  if (latin === undefined) return undefined;
  if (lower === character || latin === '') return latin;
  return latin.charAt(0).toUpperCase() + latin.slice(1);
}

// What a character becomes is the same every time (but for Cyrillic, which looks at its
// neighbour): remembered, since a build transliterates thousands of notices.
const gsmForms = new Map<string, string>();
const letters = new Map<string, boolean>();
const MAX_REMEMBERED = 10_000;

function isLetter(character: string): boolean {
  let known = letters.get(character);
  if (known === undefined) {
    known = /\p{L}/u.test(character);
    if (letters.size < MAX_REMEMBERED) letters.set(character, known);
  }
  return known;
}

function gsmFormOf(character: string): string {
  const known = gsmForms.get(character);
  if (known !== undefined) return known;
  let form = REPLACEMENTS[character] ?? (/\p{Zs}/u.test(character) ? ' ' : undefined);
  if (form === undefined) {
    form = '';
    // Base letter plus combining marks: keep the letter, drop the marks (é → e, ą → a, ż → z).
    for (const part of character.normalize('NFD')) {
      if (!/\p{M}/u.test(part) && (GSM_BASIC.has(part) || GSM_EXTENSION.has(part))) form += part;
    }
  }
  if (gsmForms.size < MAX_REMEMBERED) gsmForms.set(character, form);
  return form;
}

/**
 * The text in GSM-7 with no diacritics, as Alert RCB sends Polish: "Łódź, ul. Żółta" → "Lodz, ul.
 * Zolta". Letters lose their marks (ł/Ł too, which normalisation leaves alone), Ukrainian is
 * transliterated, typography becomes its ASCII form, and what has no GSM-7 form (emoji, bidi and
 * zero-width controls, other scripts) is left out. Spaces are collapsed; lines are kept.
 */
export function toGsm7(text: string): string {
  let result = '';
  let previous = ' ';
  const characters = [...text.replace(/\r\n?/g, '\n')];
  for (const [index, character] of characters.entries()) {
    // KMU 2010 spells a Ukrainian apostrophe as nothing, inside the word: Зам'ятня → Zamiatnia.
    if (APOSTROPHE_SET.has(character) && isCyrillic(previous) && isCyrillic(characters[index + 1] ?? '')) continue;
    const atWordStart = !isLetter(previous);
    previous = character;
    result += transliterateCyrillic(character, atWordStart) ?? gsmFormOf(character);
  }
  return result
    .replace(/[ ]{2,}/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSize {
  encoding: SmsEncoding;
  /** What the text costs in its encoding: septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  /** How many SMS a phone receives (and an operator bills). */
  segments: number;
}

/**
 * The size of a message as a network sends it: one segment holds 160 septets or 70 UCS-2 units;
 * a longer message is split into segments of 153 or 67 (the rest is the concatenation header),
 * and an escaped character or a surrogate pair is never split across two of them.
 */
export function smsSize(text: string): SmsSize {
  const gsm = isGsm7(text);
  const costs = [...text].map((character) => (gsm ? (GSM_EXTENSION.has(character) ? 2 : 1) : character.length));
  const units = costs.reduce((sum, cost) => sum + cost, 0);
  const [single, concatenated] = gsm ? [160, 153] : [70, 67];
  if (units <= single) return { encoding: gsm ? 'GSM-7' : 'UCS-2', units, segments: 1 };
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > concatenated) {
      segments += 1;
      used = 0;
    }
    used += cost;
  }
  return { encoding: gsm ? 'GSM-7' : 'UCS-2', units, segments };
}

/** Alert RCB's limit: two concatenated GSM-7 segments. */
export const SMS_MAX_GSM7 = 306;
/** One GSM-7 segment. */
export const SMS_ONE_SEGMENT = 160;
