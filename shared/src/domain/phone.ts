import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { remembered } from '../format/remembered.ts';

/** A phone number in E.164 (`+48343708200`) or a short number (`994`), and its extension, if any. */
export interface NormalizedPhone {
  e164: string;
  extension?: string;
}

// Polish "wew." (wewnętrzny) plus the usual English forms; anchored, linear, no backtracking.
const EXTENSION_SUFFIX = /[\s,;]*(?:wew\.?|w\.|ext\.?|x|#)\s*(\d{1,6})$/i;
const MAX_PHONE_TEXT = 64;

/**
 * Polish short numbers, dialled as they are from any phone and never written in E.164: 112;
 * the 98x/99x emergency and utility lines (997 police, 998 fire brigade, 999 ambulance, 991
 * power, 992 gas, 993 heating, 994 water, 984/985 water and mountain rescue, 986 city guard,
 * 987 crisis management); the EU's harmonised 116 xxx lines; and the cities' 19 xxx contact
 * centres (19115 in Warsaw, Kraków, Łódź…). Typed with or without spaces.
 */
const SHORT_NUMBER = /^(?:112|9[89][1-9]|116\d{3}|19\d{3})$/;

/** "994", "19 115" → "994", "19115"; undefined for anything that is not a Polish short number. */
export function normalizeShortNumber(text: string): string | undefined {
  const digits = text.replace(/[\s-]/g, '');
  return SHORT_NUMBER.test(digits) ? digits : undefined;
}

/** Whether a stored phone value is a short number (no country code, no extension). */
export const isShortNumber = (value: string): boolean => SHORT_NUMBER.test(value);

/**
 * Parses a phone number as an editor types it ("34 370 82 00 wew. 123", "+48 600 100 200", "994").
 * Numbers without a country code are read as Polish; a Polish short number stays as its digits
 * (`tel:994`), without an extension. Returns undefined for anything that is not dialable.
 */
export function normalizePhone(text: string, extension?: string): NormalizedPhone | undefined {
  if (text.length > MAX_PHONE_TEXT) return undefined;
  const short = normalizeShortNumber(text);
  if (short) return extension ? undefined : { e164: short };
  const suffix = EXTENSION_SUFFIX.exec(text);
  const number = suffix ? text.slice(0, suffix.index) : text;
  const typedExtension = suffix?.[1];
  if (typedExtension && extension && typedExtension !== extension) return undefined;
  const parsed = parsePhoneNumberFromString(number, 'PL');
  if (!parsed?.isValid() || parsed.ext) return undefined;
  const ext = typedExtension ?? extension;
  return ext ? { e164: parsed.number, extension: ext } : { e164: parsed.number };
}

/** `+48343708200` → `+48 34 370 82 00`, the way people read numbers aloud. */
export const formatPhoneForDisplay: (e164: string) => string = remembered(
  (e164) => e164,
  (e164) => parsePhoneNumberFromString(e164)?.formatInternational() ?? e164,
);
