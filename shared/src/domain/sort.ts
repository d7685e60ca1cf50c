import type { Notice, Severity } from '../schemas/notice.ts';
import { SEVERITIES } from '../schemas/notice.ts';
import { isRehearsal, type MessageStatus } from './rehearsal.ts';

const severityRank = (severity: Severity) => SEVERITIES.indexOf(severity);

type Sortable = Pick<Notice, 'severity' | 'effectiveFrom' | 'slug'> & {
  publishedAt?: Date;
  messageStatus?: MessageStatus;
};

/** The moment a notice became news: when it was published, or else when it took effect. */
const recency = (notice: Sortable) => (notice.publishedAt ?? notice.effectiveFrom).getTime();

/** Real notices before rehearsals: an urgent exercise never pushes a real notice down a list or out of a widget. */
export const rehearsalsLast = (a: Sortable, b: Sortable): number => Number(isRehearsal(a)) - Number(isRehearsal(b));

/**
 * Reading order: real notices before rehearsals; urgent before important before info; within a
 * severity, the most recent first; the slug breaks ties so every build lists notices in the same order.
 */
export function compareNotices(a: Sortable, b: Sortable): number {
  return (
    rehearsalsLast(a, b) ||
    severityRank(b.severity) - severityRank(a.severity) ||
    recency(b) - recency(a) ||
    (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)
  );
}

export function sortNotices<T extends Sortable>(notices: readonly T[]): T[] {
  return [...notices].sort(compareNotices);
}
