import {
  type Category,
  type Institution,
  LOCALE_REGISTRY,
  localIsoDateTime,
  marked,
  type Notice,
  noticeStatus,
  rehearsalOf,
  rehearsalWords,
  type Severity,
} from '@tablica/shared';
import { channelLine } from '../channel-text.ts';
import { suspensionPeriodText } from '../format.ts';
import { UI } from '../i18n/ui.ts';
import { absoluteUrl, routes } from '../routes.ts';
import { escapeMarkup } from './escape.ts';
import { outputPaths } from './manifest.ts';

/** Our categories in CAP 1.2's list (§3.2.2 `category`). */
const CAP_CATEGORY: Record<Category, string> = {
  closure: 'Infra',
  'service-change': 'Other',
  health: 'Health',
  safety: 'Safety',
  event: 'Other',
  other: 'Other',
};
const CAP_SEVERITY: Record<Severity, string> = { urgent: 'Severe', important: 'Moderate', info: 'Minor' };
const CAP_EVENT_MAX = 34;
/** CAP's `status`: a rehearsal is an Exercise or a Test, which receivers must not act on as real. */
const CAP_STATUS = { actual: 'Actual', exercise: 'Exercise', test: 'Test' } as const;

export interface CapContext {
  baseUrl: string;
  institution: Institution | undefined;
}

/** CAP's dateTime: seconds and an explicit offset, never "Z" (the schema's pattern). */
export const capDateTime = (instant: Date, timeZone: string): string => localIsoDateTime(instant, timeZone);

export const capSender = (baseUrl: string) => `tablica@${new URL(baseUrl).hostname}`;

/** One identifier per notice version: an edit is a new message that updates the earlier one. */
export const capIdentifier = (baseUrl: string, notice: Pick<Notice, 'slug' | 'revision'>) =>
  `urn:tablica:${new URL(baseUrl).hostname}:${notice.slug}:v${notice.revision}`;

export const capPath = (notice: Pick<Notice, 'slug' | 'revision'>) =>
  outputPaths.capMessage(notice.slug, notice.revision);

/** Alert for a first version, Update for a later one or a successor, Cancel once lifted. */
export function capMessageType(notice: Notice): 'Alert' | 'Update' | 'Cancel' {
  if (notice.liftedAt) return 'Cancel';
  return notice.revision > 1 || notice.supersedes ? 'Update' : 'Alert';
}

const element = (name: string, value: string | undefined) =>
  value === undefined || value === '' ? '' : `<${name}>${escapeMarkup(value)}</${name}>`;

/** The preferred channel first, then the others in the editor's order. */
const channelsInOrder = (notice: Notice) => [
  ...notice.channels.filter((channel) => channel.preferred),
  ...notice.channels.filter((channel) => !channel.preferred),
];

/**
 * What residents are asked to do: the numbered steps, then each advisory ("Uwaga: …") — CAP's
 * `instruction` is the one field for recommended action.
 */
function instructionOf(notice: Notice): string {
  const ui = UI[notice.locale];
  const steps = notice.procedures.map((step, index) =>
    [`${index + 1}. ${step.text}`, ...step.items.map((item) => `   - ${item}`)].join('\n'),
  );
  const advisories = notice.advisories.map((advisory) => {
    const tone = advisory.tone === 'warning' ? ui.advisoryWarning : ui.advisoryInfo;
    return `${advisory.title ? `${tone}: ${advisory.title}` : tone}\n${advisory.text}`;
  });
  return [...steps, ...advisories].join('\n\n');
}

/**
 * One language's `info`. A message describes the notice as it stood when it was sent, so what
 * depends on time (urgency, certainty) is read at `sent`, never at build time: the file of a
 * given identifier reads the same in every build.
 */
function info(notice: Notice, sent: Date, { baseUrl, institution }: CapContext): string {
  const ui = UI[notice.locale];
  const upcoming = noticeStatus(notice, sent) === 'upcoming';
  const description = [
    rehearsalWords(notice, notice.locale)?.sentence,
    notice.summary,
    ...notice.suspensions.map(
      (suspension) =>
        `${suspension.facility}: ${ui.suspensionMode[suspension.mode]}, ${suspensionPeriodText(suspension, notice, notice.locale)}`,
    ),
  ]
    .filter((line) => line !== undefined)
    .join('\n');
  const areaDescription = notice.area?.description ?? institution?.area?.description ?? institution?.address?.city;
  const teryt = notice.area?.teryt ?? institution?.area?.teryt ?? [];
  return [
    '<info>',
    element('language', LOCALE_REGISTRY[notice.locale].intl),
    element('category', CAP_CATEGORY[notice.category]),
    element('event', ui.category[notice.category].slice(0, CAP_EVENT_MAX)),
    element('urgency', upcoming ? 'Future' : notice.severity === 'urgent' ? 'Immediate' : 'Expected'),
    element('severity', CAP_SEVERITY[notice.severity]),
    element('certainty', upcoming ? 'Likely' : 'Observed'),
    element('effective', capDateTime(notice.publishedAt, notice.timeZone)),
    element('onset', capDateTime(notice.effectiveFrom, notice.timeZone)),
    element('expires', notice.effectiveUntil && capDateTime(notice.effectiveUntil, notice.timeZone)),
    element('senderName', institution?.name),
    element('headline', marked(notice, notice.headline ?? notice.title)),
    element('description', description),
    element('instruction', instructionOf(notice)),
    element('web', absoluteUrl(baseUrl, routes.notice(notice.slug, notice.locale))),
    // CAP has one contact per info: every channel goes in it, one per line, preferred first.
    element(
      'contact',
      channelsInOrder(notice)
        .map((channel) => channelLine(channel, notice.locale))
        .join('\n'),
    ),
    areaDescription
      ? `<area>${element('areaDesc', areaDescription)}${teryt
          .map((code) => `<geocode>${element('valueName', 'TERYT')}${element('value', code)}</geocode>`)
          .join('')}</area>`
      : '',
    '</info>',
  ].join('');
}

/** An earlier message a message follows: CAP's `references` names it by identifier and sent time. */
export interface CapReference {
  slug: string;
  revision: number;
  sent: Date;
  timeZone: string;
}

/** One version of a notice as a CAP message: its texts (the original language first), when it was sent, what it follows. */
export interface CapMessageVersion {
  translations: Notice[];
  sent: Date;
  references: CapReference[];
}

/**
 * A CAP 1.2 message (OASIS) for one version of a notice: one `info` per language it was
 * written in. Validated against the official schema in the tests.
 */
export function capMessage({ translations, sent, references }: CapMessageVersion, context: CapContext): string {
  const [original] = translations;
  if (!original) throw new Error('Tablica: a CAP message needs at least one version of the notice');
  const { baseUrl } = context;
  // CAP's `references`: "sender,identifier,sent" for each earlier message, separated by spaces.
  const referenced = references
    .map(
      (reference) =>
        `${capSender(baseUrl)},${capIdentifier(baseUrl, reference)},${capDateTime(reference.sent, reference.timeZone)}`,
    )
    .join(' ');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">',
    element('identifier', capIdentifier(baseUrl, original)),
    element('sender', capSender(baseUrl)),
    element('sent', capDateTime(sent, original.timeZone)),
    element('status', CAP_STATUS[rehearsalOf(original) ?? 'actual']),
    element('msgType', capMessageType(original)),
    element('scope', 'Public'),
    // CAP's note is "primarily intended for use with status Exercise": what the rehearsal is.
    element('note', rehearsalWords(original, original.locale)?.sentence),
    element('references', referenced),
    ...translations.map((notice) => info(notice, sent, context)),
    '</alert>\n',
  ].join('');
}
