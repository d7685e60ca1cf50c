import { mainPhoneChannel } from '../domain/main-phone.ts';
import { formatPhoneForDisplay } from '../domain/phone.ts';
import { marked } from '../domain/rehearsal.ts';
import { formatUntil } from '../format/period.ts';
import type { Locale } from '../i18n/locales.ts';
import { fullRadioScript, type RadioScript, type ScriptSource, shortRadioScript } from './radio-script.ts';
import { SMS_MAX_GSM7, SMS_ONE_SEGMENT, type SmsSize, smsSize, toGsm7 } from './sms.ts';
import { type WarningMessage, warningMessage } from './warning-message.ts';

/**
 * Every form of one notice version in one language that broadcasters and staff send: two radio
 * scripts, SMS texts, a banner and a social post. Each says whether it fits its limit, so an
 * editor is warned before publishing and a newsroom copies only what fits.
 */
export interface BroadcastForms {
  radio: { short: RadioScript; full: RadioScript };
  sms: { oneSegment: SmsForm; alert: SmsForm; original: SmsForm };
  banner: LimitedText;
  social: LimitedText;
  /** The 2025 regulation's warning message, or its withdrawal, for a notice of a threat. */
  warning?: WarningMessage | undefined;
}

export interface SmsForm {
  text: string;
  size: SmsSize;
  /** The limit this form is held to (characters in its encoding); the original has none. */
  limit?: number;
  fits: boolean;
}

export interface LimitedText {
  text: string;
  /** Counted as the form's medium counts: graphemes for the banner, links as 23 for the post. */
  length: number;
  limit: number;
  fits: boolean;
}

export interface FormsSource extends ScriptSource {
  /** The institution's short name for SMS ("MOPS Częstochowa"); its name when it has none. */
  institutionShortName?: string | undefined;
  /** The institution's area, for a warning message when the notice names none. */
  institutionArea?: string | undefined;
  /** The notice's page; SMS drop the scheme. */
  pageUrl: string;
  /** Its short address, which SMS use instead when the site has one ("tablica.example.org/k/3f9a2x"). */
  shortUrl?: string | undefined;
}

export const BANNER_GRAPHEMES = 30;
export const SOCIAL_LENGTH = 280;
/** X and Mastodon count any link as 23 characters, whatever its length. */
const SOCIAL_LINK_LENGTH = 23;

// One segmenter for every count: making one is the slow part (a build counts for thousands of notices).
const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const graphemes = (text: string) => [...GRAPHEMES.segment(text)];
// Latin text without combining marks (Polish included) has one grapheme per character.
const graphemeCount = (text: string) => (/^[\u0020-\u02ff\n]*$/.test(text) ? text.length : graphemes(text).length);

/** Cuts at a word boundary to at most `max` graphemes, ending in "…" when anything was cut. */
function cut(text: string, max: number): string {
  if (graphemeCount(text) <= max) return text;
  const kept = graphemes(text)
    .slice(0, Math.max(0, max - 1))
    .map((part) => part.segment)
    .join('');
  const atWord = kept.replace(/\s+\S*$/, '');
  return `${(atWord.length >= kept.length / 2 ? atWord : kept).trimEnd()}…`;
}

/**
 * Builds a text from parts that must stay (`required`) and parts added in order while they fit
 * (`optional`), within `fits`; the first required part (the title) is shortened if even the
 * required ones do not fit.
 */
function pack(required: string[], optional: string[], fits: (text: string) => boolean, join = ' '): string {
  const build = (parts: string[]) => parts.filter(Boolean).join(join);
  let [first = '', ...rest] = required;
  if (!fits(build([first, ...rest]))) {
    // The longest cut title that fits, found by halving (a build packs thousands of texts).
    let [low, high] = [10, graphemeCount(first) - 1];
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (fits(build([cut(first, middle), ...rest]))) low = middle;
      else high = middle - 1;
    }
    first = cut(first, low);
  }
  const kept = [first, ...rest];
  for (const part of optional) {
    const candidate = [...kept.slice(0, -1), part, ...kept.slice(-1)];
    if (fits(build(candidate))) kept.splice(kept.length - 1, 0, part);
  }
  return build(kept);
}

function smsTexts(source: FormsSource, locale: Locale): BroadcastForms['sms'] {
  const { notice } = source;
  const sender = source.institutionShortName ?? source.institutionName;
  const until = formatUntil(notice.effectiveUntil, notice.timeZone, locale);
  const phone = mainPhoneChannel(notice.channels);
  const url = (source.shortUrl ?? source.pageUrl).replace(/^https:\/\//, '');
  const sentence = (text: string) => (/[.!?…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);
  // A rehearsal's label leads, so a cut to one segment keeps it ("CWICZENIA: MOPS: …").
  const required = [
    sentence(marked(notice, `${sender}: ${notice.title}`, locale)),
    sentence(`${until[0]?.toUpperCase()}${until.slice(1)}`),
  ];
  const phoneText = phone ? sentence(`Tel. ${formatPhoneForDisplay(phone.value).replace(/^\+48 /, '')}`) : '';
  const form = (text: string, limit: number): SmsForm => {
    const size = smsSize(text);
    return { text, size, limit, fits: size.encoding === 'GSM-7' && size.units <= limit };
  };
  const within = (limit: number) => (text: string) => {
    const gsm = toGsm7(text);
    return smsSize(gsm).units <= limit;
  };
  const oneSegment = toGsm7(pack([...required, url], [phoneText], within(SMS_ONE_SEGMENT)));
  const alertOriginal = pack([...required, url], [sentence(notice.summary), phoneText], within(SMS_MAX_GSM7));
  return {
    oneSegment: form(oneSegment, SMS_ONE_SEGMENT),
    alert: form(toGsm7(alertOriginal), SMS_MAX_GSM7),
    original: { text: alertOriginal, size: smsSize(alertOriginal), fits: true },
  };
}

function banner(source: FormsSource, locale: Locale): LimitedText {
  const { notice } = source;
  // A rehearsal's label is never cut; its headline must leave room for it (the editor is warned).
  const label = marked(notice, '', locale);
  const text = `${label}${notice.headline ?? cut(notice.title, BANNER_GRAPHEMES - graphemeCount(label))}`;
  const length = graphemeCount(text);
  // A cut title is a stopgap: the editor is told to write a headline.
  const fits = length <= BANNER_GRAPHEMES && (notice.headline !== undefined || text === `${label}${notice.title}`);
  return { text, length, limit: BANNER_GRAPHEMES, fits };
}

function social(source: FormsSource, locale: Locale): LimitedText {
  const { notice, pageUrl } = source;
  const until = formatUntil(notice.effectiveUntil, notice.timeZone, locale);
  const weighted = (text: string) => graphemeCount(text.replace(pageUrl, '')) + SOCIAL_LINK_LENGTH;
  const head = `${marked(notice, notice.title, locale)} (${until}).`;
  const room = SOCIAL_LENGTH - weighted(`${head}  ${pageUrl}`);
  const text = [head, room > 20 ? cut(notice.summary, room) : '', pageUrl].filter(Boolean).join(' ');
  const length = weighted(text);
  return { text, length, limit: SOCIAL_LENGTH, fits: length <= SOCIAL_LENGTH };
}

export function broadcastForms(source: FormsSource, locale: Locale): BroadcastForms {
  return {
    radio: { short: shortRadioScript(source, locale), full: fullRadioScript(source, locale) },
    sms: smsTexts(source, locale),
    banner: banner(source, locale),
    social: social(source, locale),
    warning: warningMessage(source, locale),
  };
}
