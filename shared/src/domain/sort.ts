import type { Notice, Severity } from '../schemas/notice.ts';
import { SEVERITIES } from '../schemas/notice.ts';

const severityRank = (severity: Severity) => SEVERITIES.indexOf(severity);

type Sortable = Pick<Notice, 'severity' | 'effectiveFrom' | 'slug'> & { publishedAt?: Date };

/** The moment a notice became news: when it was published, or else when it took effect. */
const recency = (notice: Sortable) => (notice.publishedAt ?? notice.effectiveFrom).getTime();

/**
 * Reading order: urgent before important before info; within a severity, the most recent first;
 * the slug breaks ties so every build lists notices in the same order.
 */
export function compareNotices(a: Sortable, b: Sortable): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    recency(b) - recency(a) ||
    (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)
  );
}

export function sortNotices<T extends Sortable>(notices: readonly T[]): T[] {
  return [...notices].sort(compareNotices);
}
