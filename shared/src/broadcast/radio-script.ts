import { mainPhoneChannel } from '../domain/main-phone.ts';
import { formatPhoneForDisplay } from '../domain/phone.ts';
import { rehearsalFrame } from '../domain/rehearsal.ts';
import { formatPeriod, formatUntil } from '../format/period.ts';
import type { Locale } from '../i18n/locales.ts';
import type { Channel } from '../schemas/channel.ts';
import type { Notice } from '../schemas/notice.ts';
import type { Suspension } from '../schemas/suspension.ts';
import { isLocalMidnight, wallClockAt } from '../time/zoned.ts';
import {
  spokenAddress,
  spokenDate,
  spokenDatesInText,
  spokenPhoneGroups,
  spokenTime,
  spokenTimesInText,
} from './spoken-polish.ts';

/** What a radio script is written from: the notice in one language and who issued it. */
export interface ScriptSource {
  notice: Notice;
  institutionName: string;
  /** The site's host, said at the end ("szczegóły na stronie…"); never a raw URL. */
  siteHost: string;
  /** When the script is read: a date in another year is said with its year. */
  now: Date;
}

export interface RadioScript {
  text: string;
  words: number;
  /** At about 150 words a minute, as presenters read news. */
  seconds: number;
}

export const WORDS_PER_MINUTE = 150;
/** The short version is read within this, as a news bulletin's item. */
export const SHORT_SCRIPT_SECONDS = 30;

const WORDS = {
  pl: {
    announces: 'informuje',
    inForce: 'Komunikat obowiązuje',
    lifted: 'Komunikat odwołano.',
    from: 'od',
    until: 'do',
    untilFurtherNotice: 'do odwołania',
    mode: {
      closed: 'zamknięte',
      'by-appointment': 'tylko po wcześniejszym umówieniu',
      'remote-only': 'sprawy tylko zdalnie',
      'limited-hours': 'czynne w zmienionych godzinach',
      open: 'czynne bez zmian',
    },
    contact: 'Kontakt',
    phone: 'telefon',
    extension: 'wewnętrzny',
    email: 'e-mail',
    web: 'strona',
    at: 'małpa',
    dot: 'kropka',
    procedures: 'Jak załatwić sprawę',
    details: 'Szczegóły na stronie',
  },
  en: {
    announces: 'announces',
    inForce: 'The notice applies',
    lifted: 'The notice has been lifted.',
    from: 'from',
    until: 'until',
    untilFurtherNotice: 'until further notice',
    mode: {
      closed: 'closed',
      'by-appointment': 'by appointment only',
      'remote-only': 'remote service only',
      'limited-hours': 'open at changed hours',
      open: 'open as usual',
    },
    contact: 'Contact',
    phone: 'phone',
    extension: 'extension',
    email: 'e-mail',
    web: 'website',
    at: 'at',
    dot: 'dot',
    procedures: 'What to do',
    details: 'Details at',
  },
  uk: {
    announces: 'повідомляє',
    inForce: 'Повідомлення діє',
    lifted: 'Повідомлення скасовано.',
    from: 'з',
    until: 'до',
    untilFurtherNotice: 'до окремого повідомлення',
    mode: {
      closed: 'зачинено',
      'by-appointment': 'лише за попереднім записом',
      'remote-only': 'лише дистанційно',
      'limited-hours': 'працює за зміненим графіком',
      open: 'працює без змін',
    },
    contact: 'Контакти',
    phone: 'телефон',
    extension: 'внутрішній',
    email: 'e-mail',
    web: 'сайт',
    at: 'равлик',
    dot: 'крапка',
    procedures: 'Що робити',
    details: 'Подробиці на сайті',
  },
} as const satisfies Record<Locale, unknown>;

const sentence = (text: string) => {
  const trimmed = text.trim();
  // A lead-in (":") or a list item (";", ",") already ends where the voice pauses.
  return trimmed === '' || /[.!?…:;,]$/.test(trimmed) ? trimmed : `${trimmed}.`;
};

/** A moment of the period in Polish words: the day, and the hour unless it is a whole day. */
function spokenMoment(instant: Date, timeZone: string, now: Date, isEnd: boolean) {
  const midnight = isLocalMidnight(instant, timeZone);
  // An exclusive end at midnight is the whole previous day: "do dwudziestego piątego marca".
  const day = wallClockAt(isEnd && midnight ? new Date(instant.getTime() - 1) : instant, timeZone);
  const clock = wallClockAt(instant, timeZone);
  return {
    date: spokenDate(day, day.year !== wallClockAt(now, timeZone).year),
    time: midnight ? undefined : `godziny ${spokenTime(clock.hour, clock.minute)}`,
  };
}

/**
 * "od szesnastego marca do dwudziestego piątego marca", "od godziny szóstej drugiego grudnia do
 * piątego grudnia", and within one day "dwunastego grudnia od godziny ósmej trzydzieści do
 * godziny czternastej"; English and Ukrainian as written dates, which presenters read aloud.
 */
function spokenPeriod(notice: Notice, now: Date): string {
  const from = spokenMoment(notice.effectiveFrom, notice.timeZone, now, false);
  const at = (moment: { date: string; time: string | undefined }) =>
    moment.time ? `${moment.time} ${moment.date}` : moment.date;
  if (!notice.effectiveUntil) return `od ${at(from)} ${WORDS.pl.untilFurtherNotice}`;
  const until = spokenMoment(notice.effectiveUntil, notice.timeZone, now, true);
  if (from.date === until.date && from.time && until.time) {
    return `${from.date} od ${from.time} do ${until.time}`;
  }
  return `od ${at(from)} do ${at(until)}`;
}

function periodSentence({ notice, now }: ScriptSource, locale: Locale): string {
  const words = WORDS[locale];
  if (notice.liftedAt && notice.liftedAt <= now) return words.lifted;
  if (locale !== 'pl') {
    return `${words.inForce} ${formatPeriod({ start: notice.effectiveFrom, end: notice.effectiveUntil, timeZone: notice.timeZone }, locale)}.`;
  }
  return `${words.inForce} ${spokenPeriod(notice, now)}.`;
}

function facilitySentence(suspension: Suspension, notice: Notice, now: Date, locale: Locale): string {
  const words = WORDS[locale];
  let text = `${suspension.facility}: ${words.mode[suspension.mode]}`;
  if (suspension.hours) text += `, ${spoken(suspension.hours, locale)}`;
  if (suspension.untilFurtherNotice) text += `, ${words.untilFurtherNotice}`;
  else if (suspension.until) {
    const [year, month, day] = suspension.until.split('-').map(Number) as [number, number, number];
    text +=
      locale === 'pl'
        ? ` do ${spokenDate({ year, month, day }, year !== wallClockAt(now, notice.timeZone).year)}`
        : ` ${formatUntil(new Date(Date.UTC(year, month - 1, day + 1)), 'UTC', locale)}`;
  }
  return sentence(text);
}

/** Free text as read: in Polish, dates and the times after od/do/o become words. */
const spoken = (text: string, locale: Locale) => (locale === 'pl' ? spokenTimesInText(spokenDatesInText(text)) : text);

function phoneWords(channel: Channel, locale: Locale): string {
  const words = WORDS[locale];
  const display = formatPhoneForDisplay(channel.value);
  const number = locale === 'pl' ? spokenPhoneGroups(display) : display.replace(/^\+48\s*/, '');
  return channel.extension ? `${number}, ${words.extension} ${channel.extension}` : number;
}

/** A channel said aloud, or undefined for those a listener cannot use from a radio (ePUAP…). */
function channelWords(channel: Channel, locale: Locale): string | undefined {
  const words = WORDS[locale];
  const say = (address: string) => sayAddress(address, locale);
  switch (channel.kind) {
    case 'phone':
    case 'sms':
      return `${channel.label}, ${words.phone} ${phoneWords(channel, locale)}`;
    case 'email':
      return `${channel.label}, ${words.email} ${say(channel.value)}`;
    case 'web':
      return `${channel.label}, ${words.web} ${say(new URL(channel.value).host)}`;
    case 'in-person':
    case 'postal':
      return `${channel.label}: ${channel.value}`;
    default:
      return undefined;
  }
}

/** An address said aloud: Polish with its letters' names ("pe el"), others with "at" and "dot". */
function sayAddress(address: string, locale: Locale): string {
  if (locale === 'pl') return spokenAddress(address);
  const { at, dot } = WORDS[locale];
  return address.toLowerCase().replace('@', ` ${at} `).replaceAll('.', ` ${dot} `);
}

const countWords = (text: string) => text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;

function script(parts: string[]): RadioScript {
  const text = parts.filter(Boolean).join('\n');
  const words = countWords(text);
  return { text, words, seconds: Math.round((words / WORDS_PER_MINUTE) * 60) };
}

/** The opening every version shares: the institution first, then what it says. */
function opening(source: ScriptSource, locale: Locale): string[] {
  const { notice, institutionName } = source;
  return [
    ...rehearsalFrame(notice, locale).first,
    sentence(`${institutionName} ${WORDS[locale].announces}`),
    sentence(spoken(notice.title, locale)),
  ];
}

/** A rehearsal says what it is again at the end, for whoever tuned in late. */
const closing = (source: ScriptSource, locale: Locale): string[] => rehearsalFrame(source.notice, locale).last;

/**
 * The full script: every fact a listener can act on, in the order a presenter reads it —
 * institution, title, summary, period, each facility, what to do, advisories, every channel a
 * listener can use, and where to read more. No URL is read out: addresses are said as words.
 */
export function fullRadioScript(source: ScriptSource, locale: Locale): RadioScript {
  const { notice, now, siteHost } = source;
  const words = WORDS[locale];
  const channels = notice.channels.flatMap((channel) => channelWords(channel, locale) ?? []);
  const procedures = notice.procedures.map((step) =>
    sentence(
      [spoken(step.text, locale), ...step.items.map((item) => spoken(item, locale)), step.note]
        .filter(Boolean)
        .map((part) => sentence(part ?? ''))
        .join(' '),
    ),
  );
  return script([
    ...opening(source, locale),
    sentence(spoken(notice.summary, locale)),
    periodSentence(source, locale),
    ...notice.suspensions.map((suspension) => facilitySentence(suspension, notice, now, locale)),
    procedures.length > 0 ? `${words.procedures}: ${procedures.join(' ')}` : '',
    ...notice.advisories.map((advisory) =>
      sentence([advisory.title, spoken(advisory.text, locale)].filter(Boolean).join(': ')),
    ),
    channels.length > 0 ? sentence(`${words.contact}: ${channels.join('; ')}`) : '',
    sentence(`${words.details} ${sayAddress(siteHost, locale)}`),
    ...closing(source, locale),
  ]);
}

/**
 * The short script, read within 30 seconds: institution, title, period, the main phone and where
 * to read more; the summary's sentences are added while they fit.
 */
export function shortRadioScript(source: ScriptSource, locale: Locale): RadioScript {
  const { notice, siteHost } = source;
  const words = WORDS[locale];
  const phone = mainPhoneChannel(notice.channels);
  const head = opening(source, locale);
  const tail = [
    periodSentence(source, locale),
    phone ? sentence(`${words.contact}: ${words.phone} ${phoneWords(phone, locale)}`) : '',
    sentence(`${words.details} ${sayAddress(siteHost, locale)}`),
    ...closing(source, locale),
  ];
  const summary = spoken(notice.summary, locale).match(/[^.!?…]+[.!?…]*/g) ?? [];
  const kept: string[] = [];
  for (const part of summary) {
    const candidate = script([...head, sentence([...kept, part].join('')), ...tail]);
    if (candidate.seconds > SHORT_SCRIPT_SECONDS) break;
    kept.push(part);
  }
  return script([...head, kept.length > 0 ? sentence(kept.join('').trim()) : '', ...tail]);
}
