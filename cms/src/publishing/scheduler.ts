import type { Core } from '@strapi/strapi';
import { liftNotice } from './extend-and-lift';
import { refreshPhases } from './phase';

/**
 * Scheduled publishing and lifting (Strapi's Releases are a paid feature). Every CMS instance
 * runs this loop, and that is safe: a due job is claimed by one conditional UPDATE ("clear the
 * time where it is still due") that exactly one instance wins, on SQLite, Postgres and MariaDB
 * alike — no in-process cron deciding alone. Due means "at or before now", so after downtime the
 * first pass catches up on everything missed; a lifting missed is dated when it was due.
 *
 * A job that fails (the notice was broken behind the rules' back, or has unpublished edits when
 * its lifting is due) is not retried in a loop: the time stays cleared, the list shows the notice
 * as it really is, and the log says which notice and why.
 */
const NOTICE = 'api::notice.notice' as const;
export const DEFAULT_INTERVAL_SECONDS = 30;

type Job = 'scheduledPublishAt' | 'scheduledLiftAt';

interface DueRow {
  documentId: string;
  scheduledPublishAt: Date | string | null;
  scheduledLiftAt: Date | string | null;
}

/** The documents with a job of this kind due at `now`, earliest first, each once. */
async function due(strapi: Core.Strapi, job: Job, now: Date): Promise<{ documentId: string; dueAt: Date }[]> {
  const rows = (await strapi.db.query(NOTICE).findMany({
    where: { [job]: { $lte: now } },
    select: ['documentId', job],
    orderBy: { [job]: 'asc' },
  })) as DueRow[];
  const seen = new Map<string, Date>();
  for (const row of rows) {
    const at = row[job];
    if (at !== null && !seen.has(row.documentId)) seen.set(row.documentId, new Date(at));
  }
  return [...seen].map(([documentId, dueAt]) => ({ documentId, dueAt }));
}

/** Clears the job on every row of the document if it is still due; true for the one caller that did. */
async function claim(strapi: Core.Strapi, job: Job, documentId: string, now: Date): Promise<boolean> {
  const { count } = await strapi.db
    .query(NOTICE)
    .updateMany({ where: { documentId, [job]: { $lte: now } }, data: { [job]: null } });
  return count > 0;
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

export interface SchedulerPass {
  published: string[];
  lifted: string[];
  failed: { documentId: string; job: Job; reason: string }[];
}

/** One pass: every due publication, then every due lifting, then the list's phases. */
export async function runSchedulerPass(strapi: Core.Strapi, now = new Date()): Promise<SchedulerPass> {
  const pass: SchedulerPass = { published: [], lifted: [], failed: [] };
  const attempt = async (job: Job, documentId: string, work: () => Promise<unknown>) => {
    try {
      await work();
      (job === 'scheduledPublishAt' ? pass.published : pass.lifted).push(documentId);
    } catch (error) {
      pass.failed.push({ documentId, job, reason: reason(error) });
      const what = job === 'scheduledPublishAt' ? 'publication' : 'lifting';
      strapi.log.warn(`Tablica: the scheduled ${what} of notice ${documentId} failed: ${reason(error)}`);
    }
  };
  for (const { documentId } of await due(strapi, 'scheduledPublishAt', now)) {
    if (!(await claim(strapi, 'scheduledPublishAt', documentId, now))) continue;
    await attempt('scheduledPublishAt', documentId, () =>
      strapi.documents(NOTICE).publish({ documentId, locale: '*' }),
    );
  }
  for (const { documentId, dueAt } of await due(strapi, 'scheduledLiftAt', now)) {
    if (!(await claim(strapi, 'scheduledLiftAt', documentId, now))) continue;
    await attempt('scheduledLiftAt', documentId, () => liftNotice(strapi, documentId, {}, dueAt));
  }
  await refreshPhases(strapi, now);
  return pass;
}

/**
 * Runs a pass now (catching up after downtime) and then every `intervalSeconds`; returns a stop
 * that waits for a pass under way, so the database is not closed under it.
 */
export function startScheduler(
  strapi: Core.Strapi,
  intervalSeconds = DEFAULT_INTERVAL_SECONDS,
): () => Promise<unknown> {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    // A slow pass is not overlapped by the next one in the same instance.
    running = running
      .then(() => runSchedulerPass(strapi))
      .catch((error: unknown) => strapi.log.warn(`Tablica: scheduler pass failed: ${reason(error)}`));
  };
  tick();
  const timer = setInterval(tick, intervalSeconds * 1000);
  timer.unref();
  return () => {
    clearInterval(timer);
    return running;
  };
}
