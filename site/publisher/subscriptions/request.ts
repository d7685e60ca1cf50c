import { domainToASCII } from 'node:url';
import { CATEGORIES, isLocale, type Locale } from '@tablica/shared';

export const FREQUENCIES = ['immediate', 'daily'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** What a sign-up asks for, checked: one address, known topics, a language and a frequency. */
export interface SubscriptionRequest {
  address: string;
  topics: string[];
  language: Locale;
  frequency: Frequency;
}

/** Which field was wrong; the form shows the words for it in the reader's language. */
export type RequestProblem = 'address' | 'topics' | 'language' | 'frequency';

/** Topics: everything, one institution's notices, or one category's. */
export const ALL_TOPIC = 'all';
export const institutionTopic = (slug: string) => `institution:${slug}`;
export const categoryTopic = (category: string) => `category:${category}`;

/** The topics a notice belongs to: whoever follows one of them hears of it. */
export const topicsOfNotice = (notice: { institution: string; category: string }): string[] => [
  ALL_TOPIC,
  institutionTopic(notice.institution),
  categoryTopic(notice.category),
];

const DOT_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * One mailbox address in the plain form people type (`name@example.pl`), normalised to lower case
 * with an ASCII domain; undefined for anything else — a display name, several addresses, quotes,
 * comments, spaces or line breaks (which could add headers to a mail), an address without a domain
 * that has a dot. Deliberately narrower than RFC 5322: nobody types the exotic forms into a form.
 */
export function normaliseAddress(input: unknown): string | undefined {
  if (typeof input !== 'string') return undefined;
  const trimmed = input.trim();
  if (trimmed.length > 254 || /[\s\p{C}]/u.test(trimmed)) return undefined;
  const at = trimmed.lastIndexOf('@');
  if (at < 1) return undefined;
  const local = trimmed.slice(0, at);
  const domain = domainToASCII(trimmed.slice(at + 1).replace(/\.$/, ''));
  if (local.length > 64 || !DOT_ATOM.test(local) || !domain) return undefined;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label)) || /^\d+$/.test(labels.at(-1) ?? '')) {
    return undefined;
  }
  return `${local}@${domain}`.toLowerCase();
}

/**
 * Checks a sign-up form against the topics the site has now. Every problem is named, so the form
 * can say what to change; unknown topics are refused rather than dropped, so nobody believes they
 * follow something they do not.
 */
export function parseRequest(
  fields: Record<string, string | string[] | undefined>,
  institutions: ReadonlySet<string>,
): { ok: true; request: SubscriptionRequest } | { ok: false; problems: RequestProblem[] } {
  const problems: RequestProblem[] = [];
  const address = normaliseAddress(single(fields.email));
  if (!address) problems.push('address');
  const topics = [...new Set(list(fields.topic))];
  const knownTopic = (topic: string) =>
    topic === ALL_TOPIC ||
    (topic.startsWith('institution:') && institutions.has(topic.slice('institution:'.length))) ||
    (topic.startsWith('category:') && (CATEGORIES as readonly string[]).includes(topic.slice('category:'.length)));
  if (topics.length === 0 || topics.length > 50 || !topics.every(knownTopic)) problems.push('topics');
  const language = single(fields.language);
  if (!isLocale(language)) problems.push('language');
  const frequency = single(fields.frequency) ?? 'immediate';
  if (!(FREQUENCIES as readonly string[]).includes(frequency)) problems.push('frequency');
  if (problems.length > 0 || !address || !isLocale(language)) return { ok: false, problems };
  return { ok: true, request: { address, topics, language, frequency: frequency as Frequency } };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? (value.length === 1 ? value[0] : undefined) : value;
}

function list(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
