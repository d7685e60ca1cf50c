import type { Core } from '@strapi/strapi';

/**
 * Where a notice stands, as the editors' list shows it and filters by it ("Stan"): a draft, a
 * draft scheduled for publication, or — once published — announced (it starts later), in force,
 * ended, lifted. Stored on every row of the document so that Strapi's own list filters and sorts
 * by it; kept current by the scheduler (src/publishing/scheduler.ts) as time passes and after
 * every write. The values are Polish because Strapi shows an enumeration's values as they are.
 * Private: never in the public API.
 */
export const PHASES = ['szkic', 'zaplanowany', 'zapowiedziany', 'obowiazuje', 'zakonczony', 'odwolany'] as const;
export type Phase = (typeof PHASES)[number];

const NOTICE = 'api::notice.notice' as const;

/** The columns a phase is computed from, as the query engine returns them. */
export interface PhaseRow {
  documentId: string;
  publishedAt: Date | string | null;
  effectiveFrom: Date | string | null;
  effectiveUntil: Date | string | null;
  liftedAt: Date | string | null;
  scheduledPublishAt: Date | string | null;
  phase: string | null;
}

const date = (value: Date | string | null) => (value === null ? undefined : new Date(value));

/** The phase of one document from its rows (draft and published, every locale). */
export function phaseOf(rows: readonly PhaseRow[], now: Date): Phase {
  const published = rows.find((row) => row.publishedAt !== null);
  if (!published) return rows.some((row) => row.scheduledPublishAt !== null) ? 'zaplanowany' : 'szkic';
  const liftedAt = date(published.liftedAt);
  if (liftedAt && liftedAt <= now) return 'odwolany';
  // As noticeStatus in @tablica/shared: the start inclusive, the end exclusive.
  const from = date(published.effectiveFrom);
  if (from && now < from) return 'zapowiedziany';
  const until = date(published.effectiveUntil);
  return until && now >= until ? 'zakonczony' : 'obowiazuje';
}

const COLUMNS = [
  'documentId',
  'publishedAt',
  'effectiveFrom',
  'effectiveUntil',
  'liftedAt',
  'scheduledPublishAt',
  'phase',
] as const;

/**
 * Brings the stored phase up to date, for the documents named or all of them. One UPDATE per
 * phase that changed, without touching updatedAt (so a published notice does not read
 * "modified"); idempotent, so several CMS instances may run it at once.
 */
export async function refreshPhases(strapi: Core.Strapi, now: Date, documentIds?: readonly string[]) {
  const rows = (await strapi.db.query(NOTICE).findMany({
    select: [...COLUMNS],
    ...(documentIds ? { where: { documentId: { $in: [...documentIds] } } } : {}),
  })) as PhaseRow[];
  const byDocument = new Map<string, PhaseRow[]>();
  for (const row of rows) byDocument.set(row.documentId, [...(byDocument.get(row.documentId) ?? []), row]);
  const changed = new Map<Phase, string[]>();
  for (const [documentId, documentRows] of byDocument) {
    const phase = phaseOf(documentRows, now);
    if (documentRows.every((row) => row.phase === phase)) continue;
    changed.set(phase, [...(changed.get(phase) ?? []), documentId]);
  }
  for (const [phase, ids] of changed) {
    await strapi.db.query(NOTICE).updateMany({ where: { documentId: { $in: ids } }, data: { phase } });
  }
  return [...changed.values()].reduce((sum, ids) => sum + ids.length, 0);
}
