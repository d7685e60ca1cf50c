import { mainPhoneChannel } from '../domain/main-phone.ts';
import { formatPhoneForDisplay } from '../domain/phone.ts';
import { rehearsalFrame } from '../domain/rehearsal.ts';
import { effectiveEnd } from '../domain/status.ts';
import { versionSentAt } from '../domain/version-sent.ts';
import { formatPeriod } from '../format/period.ts';
import type { Locale } from '../i18n/locales.ts';
import type { Notice } from '../schemas/notice.ts';
import { localIsoDateTime } from '../time/zoned.ts';

/**
 * The warning message that the MSWiA regulation of 14 May 2025 on alarms and warning messages
 * has website publishers and radio/TV broadcasters pass on, with the contents it fixes — the kind
 * of threat, the area, what to do, the expected duration, other information — and its separate
 * withdrawal. The labels are ours; the contents are the regulation's list, each filled from the
 * notice's own fields. Made for notices of a threat: the safety or health category, and a
 * severity above "info" (a changed vaccination timetable is news, not a threat).
 */
export interface WarningMessage {
  kind: 'warning' | 'withdrawal';
  text: string;
  /** Its one sentence for where there is room for one (a widget): what is withdrawn and that the threat is over. */
  lead: string;
}

export interface WarningSource {
  notice: Notice;
  institutionName: string;
  /** The area when the notice names none: the institution's. */
  institutionArea?: string | undefined;
  pageUrl: string;
  now: Date;
}

const WORDS = {
  pl: {
    warning: 'KOMUNIKAT OSTRZEGAWCZY',
    withdrawal: 'ODWOŁANIE KOMUNIKATU OSTRZEGAWCZEGO',
    threat: 'Rodzaj zagrożenia',
    area: 'Obszar',
    whatToDo: 'Zalecenia — co robić',
    duration: 'Przewidywany czas trwania',
    other: 'Inne informacje',
    issuer: 'Wydał',
    phone: 'tel.',
    details: 'Szczegóły',
    withdrawn: (sent: string, title: string) =>
      `Odwołuje się komunikat ostrzegawczy wydany ${sent}: „${title}”. Zagrożenie ustało.`,
    lasted: 'Obowiązywał',
  },
  en: {
    warning: 'WARNING MESSAGE',
    withdrawal: 'WITHDRAWAL OF THE WARNING MESSAGE',
    threat: 'Kind of threat',
    area: 'Area',
    whatToDo: 'What to do',
    duration: 'Expected duration',
    other: 'Other information',
    issuer: 'Issued by',
    phone: 'phone',
    details: 'Details',
    withdrawn: (sent: string, title: string) =>
      `The warning message issued ${sent} is withdrawn: “${title}”. The threat is over.`,
    lasted: 'In force',
  },
  uk: {
    warning: 'ПОПЕРЕДЖУВАЛЬНЕ ПОВІДОМЛЕННЯ',
    withdrawal: 'СКАСУВАННЯ ПОПЕРЕДЖУВАЛЬНОГО ПОВІДОМЛЕННЯ',
    threat: 'Вид загрози',
    area: 'Територія',
    whatToDo: 'Що робити',
    duration: 'Очікувана тривалість',
    other: 'Інша інформація',
    issuer: 'Видав',
    phone: 'тел.',
    details: 'Подробиці',
    withdrawn: (sent: string, title: string) =>
      `Попереджувальне повідомлення від ${sent} скасовано: «${title}». Загроза минула.`,
    lasted: 'Діяло',
  },
} as const satisfies Record<Locale, unknown>;

/** Whether a notice is of a threat, so that the warning message and its withdrawal apply. */
export const isThreat = (notice: Pick<Notice, 'category' | 'severity'>): boolean =>
  (notice.category === 'safety' || notice.category === 'health') && notice.severity !== 'info';

const when = (instant: Date, timeZone: string) => localIsoDateTime(instant, timeZone).slice(0, 16).replace('T', ' ');

/**
 * The warning message while the threat lasts (announced or in force), the withdrawal once the
 * notice is lifted or over; undefined for a notice that is not of a threat.
 */
export function warningMessage(source: WarningSource, locale: Locale): WarningMessage | undefined {
  const { notice, now } = source;
  if (!isThreat(notice)) return undefined;
  const words = WORDS[locale];
  const area = notice.area?.description ?? source.institutionArea ?? source.institutionName;
  const end = effectiveEnd(notice);
  const phone = mainPhoneChannel(notice.channels);
  // An exercise of the warning system says so first and last, as the message itself is the same.
  const frame = rehearsalFrame(notice, locale);
  const issuer = `${words.issuer}: ${source.institutionName}${phone ? `, ${words.phone} ${formatPhoneForDisplay(phone.value)}` : ''}`;
  if (end && end <= now) {
    const sent = when(versionSentAt(notice), notice.timeZone);
    return {
      kind: 'withdrawal',
      lead: words.withdrawn(sent, notice.title),
      text: [
        ...frame.first,
        words.withdrawal,
        words.withdrawn(sent, notice.title),
        `${words.area}: ${area}`,
        // As residents read periods: a date-only end is its last day, not the midnight after it.
        `${words.lasted}: ${formatPeriod({ start: notice.effectiveFrom, end, timeZone: notice.timeZone }, locale)}`,
        issuer,
        `${words.details}: ${source.pageUrl}`,
        ...frame.last,
      ].join('\n'),
    };
  }
  const advice = [
    ...notice.advisories.map((advisory) => [advisory.title, advisory.text].filter(Boolean).join(': ')),
    ...notice.procedures.map((step) => step.text),
  ];
  return {
    kind: 'warning',
    lead: `${words.threat}: ${notice.title}`,
    text: [
      ...frame.first,
      words.warning,
      `${words.threat}: ${notice.title}`,
      `${words.area}: ${area}`,
      `${words.whatToDo}: ${advice.length > 0 ? advice.map((line) => `\n- ${line}`).join('') : notice.summary}`,
      `${words.duration}: ${formatPeriod({ start: notice.effectiveFrom, end: notice.effectiveUntil, timeZone: notice.timeZone }, locale)}`,
      `${words.other}: ${notice.summary}`,
      issuer,
      `${words.details}: ${source.pageUrl}`,
      ...frame.last,
    ].join('\n'),
  };
}
