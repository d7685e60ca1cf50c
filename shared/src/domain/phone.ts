import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** A phone number in E.164 (`+48343708200`) and its extension, if any. */
export interface NormalizedPhone {
  e164: string;
  extension?: string;
}

// Polish "wew." (wewnętrzny) plus the usual English forms; anchored, linear, no backtracking.
const EXTENSION_SUFFIX = /[\s,;]*(?:wew\.?|w\.|ext\.?|x|#)\s*(\d{1,6})$/i;
const MAX_PHONE_TEXT = 64;

/**
 * Parses a phone number as an editor types it ("34 370 82 00 wew. 123", "+48 600 100 200").
 * Numbers without a country code are read as Polish. Returns undefined for anything that is not
 * a valid, dialable number (short codes like 112 cannot be written in E.164).
 */
export function normalizePhone(text: string, extension?: string): NormalizedPhone | undefined {
  if (text.length > MAX_PHONE_TEXT) return undefined;
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
export function formatPhoneForDisplay(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
