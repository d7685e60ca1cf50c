import type { Core } from '@strapi/strapi';

interface Pool {
  numUsed(): number;
  numPendingAcquires(): number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the database has had nothing to do for `quietMs`, or `maxMs` has passed (a busy CMS
 * never goes quiet; an import must still go on). Why a bulk write needs it: Strapi does each
 * entry event's work after the transaction commits — it loads the whole entry, every component,
 * to put it in the event — all at once and unawaited. Left to pile up (2,000 notices imported in
 * one transaction leave about 8,000), they hold the one SQLite connection — the first read of
 * every notice after that import took 34 s instead of 1.5 s — or a Postgres pool's connections,
 * and gigabytes of memory while they run.
 */
export async function databaseSettled(strapi: Core.Strapi, { quietMs = 60, pollMs = 20, maxMs = 60_000 } = {}) {
  const pool = (strapi.db.connection as unknown as { client?: { pool?: Pool } }).client?.pool;
  if (!pool) return;
  const started = Date.now();
  let quietSince = started;
  while (Date.now() - started < maxMs) {
    await sleep(pollMs);
    if (pool.numUsed() + pool.numPendingAcquires() > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
  }
}
