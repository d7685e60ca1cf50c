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
 * to put it in the event — all at once and unawaited. An import of 10,000 notices that did not
 * wait left some 40,000 of them running together: they held the one SQLite connection (the first
 * read after the import took minutes), Postgres's pool (the next read timed out waiting for a
 * connection) and gigabytes of memory.
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
