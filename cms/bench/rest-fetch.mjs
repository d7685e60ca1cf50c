// npm run bench -w cms: how fast a site build can read every published notice through the
// public REST API (page size 100, the notice populate tree), for 1,000 and 10,000 notices, on
// SQLite and (when TABLICA_BENCH_DATABASE_URL is set) Postgres. Reports total time, requests,
// p50/p95 per page and SQL queries per page, and what an incremental build reads first instead
// (GET /api/notice-versions), next to a baseline measured in the same run: the
// same rows the API returns (each page's notices, their components, relations and files) read
// with one plain SQL query per table and level, joined by ids (the floor any API adds to).
// TABLICA_BENCH_STALE_STATISTICS=1 skips the statistics refresh after the import (to see why it is there).
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { bootStrapi } from '../test/helpers/boot-strapi.mts';

const require = createRequire(import.meta.url);
const APP_DIR = path.resolve(import.meta.dirname, '..');
const SIZES = (process.env.TABLICA_BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const PAGE_SIZE = 100;

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const ms = (value) => `${value.toFixed(1)} ms`;

/** The same boot as the tests (test/helpers/boot-strapi.mts): a fresh database, port 0. */
function boot(database) {
  return bootStrapi({ postgresUrl: database === 'postgres' ? process.env.TABLICA_BENCH_DATABASE_URL : undefined });
}

/** Fills the database up to `count` published notices with deterministic synthetic content. */
async function seedUpTo(strapi, count, requireCompiled) {
  const { generateSnapshot, loadSnapshot } = await import('@tablica/shared');
  const { importSnapshot } = requireCompiled('src/seed/import-snapshot.js');
  const { refreshStatistics } = requireCompiled('src/seed/refresh-statistics.js');
  const snapshot = loadSnapshot(generateSnapshot(count, 42, { institutions: 20 }));
  const started = performance.now();
  // The same validated writes as an editor's, a hundred per transaction.
  await importSnapshot(strapi, snapshot);
  // As `npm run seed` does after an import: the planner's statistics of the tables as they are now.
  if (process.env.TABLICA_BENCH_STALE_STATISTICS !== '1') await refreshStatistics(strapi);
  return performance.now() - started;
}

let retries = 0;

/** One retry on a reset connection: a keep-alive socket the server closed as it was reused. */
async function getJson(url) {
  try {
    return await (await fetch(url)).json();
  } catch (error) {
    if (error?.cause?.code !== 'ECONNRESET') throw error;
    retries++;
    return (await fetch(url)).json();
  }
}

async function fetchAll(url, strapi) {
  let queries = 0;
  const onQuery = () => queries++;
  strapi.db.connection.on('query', onQuery);
  const pageTimes = [];
  const pageQueries = [];
  const started = performance.now();
  let page = 1;
  let pageCount = 1;
  let notices = 0;
  while (page <= pageCount) {
    const before = queries;
    const t0 = performance.now();
    const body = await getJson(`${url}/api/notices?pagination[page]=${page}&pagination[pageSize]=${PAGE_SIZE}`);
    pageTimes.push(performance.now() - t0);
    pageQueries.push(queries - before);
    notices += body.data.length;
    pageCount = body.meta.pagination.pageCount;
    page++;
  }
  strapi.db.connection.off('query', onQuery);
  return { total: performance.now() - started, requests: pageTimes.length, notices, pageTimes, pageQueries };
}

/**
 * The rows of `populate` (the API's own tree) for the entries `ids` of `uid`, one plain query per
 * attribute, following the database's own join tables: components and relations through their
 * link tables, files through the morph table. Returns how many rows were read.
 */
async function readPopulated(strapi, uid, ids, populate) {
  const knex = strapi.db.connection;
  const metadata = strapi.db.metadata;
  let rows = 0;
  for (const [name, nested] of Object.entries(populate)) {
    const attribute = metadata.get(uid).attributes[name];
    const target = metadata.get(attribute.target).tableName;
    let query;
    if (attribute.relation.startsWith('morph')) {
      const link = metadata.get(attribute.target).attributes[attribute.morphBy].joinTable;
      query = knex(`${target} as t`)
        .join(`${link.name} as j`, `j.${link.joinColumn.name}`, 't.id')
        .whereIn(`j.${link.morphColumn.idColumn.name}`, ids)
        .where({ [`j.${link.morphColumn.typeColumn.name}`]: uid, 'j.field': name });
    } else {
      const link = attribute.joinTable;
      query = knex(`${target} as t`)
        .join(`${link.name} as j`, `j.${link.inverseJoinColumn.name}`, 't.id')
        .whereIn(`j.${link.joinColumn.name}`, ids);
      for (const [column, value] of Object.entries(link.on ?? {})) query = query.where(`j.${column}`, value);
    }
    const found = await query.select('t.*');
    rows += found.length;
    if (nested?.populate && found.length > 0) {
      rows += await readPopulated(
        strapi,
        attribute.target,
        found.map((row) => row.id),
        nested.populate,
      );
    }
  }
  return rows;
}

/** Baseline: the same pages with the same populate tree by plain SQL (readPopulated). */
async function baseline(strapi, pages, populate) {
  const knex = strapi.db.connection;
  const started = performance.now();
  let rows = 0;
  for (let page = 0; page < pages; page++) {
    const notices = await knex('notices')
      .whereNotNull('published_at')
      .orderBy('id')
      .limit(PAGE_SIZE)
      .offset(page * PAGE_SIZE)
      .select('*');
    rows +=
      notices.length +
      (await readPopulated(
        strapi,
        'api::notice.notice',
        notices.map((notice) => notice.id),
        populate,
      ));
  }
  return { time: performance.now() - started, rows };
}

async function benchDatabase(database) {
  const { strapi, url, stop } = await boot(database);
  const requireCompiled = (file) => require(path.join(APP_DIR, 'dist', file));
  const rows = [];
  const { NOTICE_POPULATE } = requireCompiled('src/content/populate.js');
  try {
    for (const size of SIZES) {
      const seedTime = await seedUpTo(strapi, size, requireCompiled);
      // Warm-up pass: the first reads after a bulk import still pay for deferred work.
      const cold = await fetchAll(url, strapi);
      const run = await fetchAll(url, strapi);
      const floor = await baseline(strapi, run.requests, NOTICE_POPULATE);
      // What an incremental build asks first (then only the changed notices): the versions list.
      const listed = performance.now();
      const versions = await getJson(`${url}/api/notice-versions`);
      const listing = performance.now() - listed;
      rows.push({
        database,
        notices: run.notices,
        seed: `${(seedTime / 1000).toFixed(1)} s`,
        total: `${(run.total / 1000).toFixed(2)} s`,
        'total (cold)': `${(cold.total / 1000).toFixed(2)} s`,
        requests: run.requests,
        p50: ms(percentile(run.pageTimes, 50)),
        p95: ms(percentile(run.pageTimes, 95)),
        'SQL/page (min–max)': `${Math.min(...run.pageQueries)}–${Math.max(...run.pageQueries)}`,
        'plain SQL (same rows)': `${(floor.time / 1000).toFixed(2)} s, ${floor.rows.toLocaleString('en')} rows`,
        'vs plain SQL': `${(run.total / floor.time).toFixed(1)}×`,
        'versions list': `${ms(listing)} for ${versions.data.length.toLocaleString('en')} versions (every locale), ${(listing / run.total).toFixed(2)}× the full read`,
        'reset retries': retries,
      });
      // Print each result as it comes: a later failure must not lose the earlier figures.
      console.log(JSON.stringify(rows.at(-1)));
    }
  } finally {
    await stop();
  }
  return rows;
}

// TABLICA_BENCH_DATABASES=postgres: Postgres alone (seeding 10,000 notices on SQLite first takes long).
const databases = (
  process.env.TABLICA_BENCH_DATABASES ?? `sqlite${process.env.TABLICA_BENCH_DATABASE_URL ? ',postgres' : ''}`
).split(',');
const results = [];
for (const database of databases) results.push(...(await benchDatabase(database)));
console.table(results);
console.log(
  'Budget: 10,000 notices in ≤ 10 s on SQLite; p95 ≤ 150 ms per page of 100; SQL queries per page must not grow with N.',
);
process.exit(0);
