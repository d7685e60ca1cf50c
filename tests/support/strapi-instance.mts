/**
 * One CMS instance in a process of its own, as in production: for tests of several instances
 * behind one load balancer (on a Postgres schema they share; Strapi keeps one instance per
 * process), and for benches that measure the CMS's memory apart from the publisher's. Options
 * come as JSON in TABLICA_INSTANCE; it prints one line of JSON (its URL, and how long the
 * optional seed took) and stops on SIGTERM.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { generateSnapshot, loadSnapshot } from '@tablica/shared';
import { bootStrapi } from '../../cms/test/helpers/boot-strapi.mts';

const options = JSON.parse(process.env.TABLICA_INSTANCE ?? '{}') as {
  /** Default: a scratch SQLite database. */
  postgresUrl?: string;
  schema?: string;
  seedDemo?: boolean;
  /** A SQLite file another instance used (kept at stop); default: a fresh scratch database. */
  sqliteFile?: string;
  /** false: run the compiled `dist` as `strapi start` does (another instance compiled it). */
  compile?: boolean;
  /** Imports this many synthetic published notices (seed 42, 20 institutions) before listening. */
  seedNotices?: number;
  env: Record<string, string>;
};
const cms = await bootStrapi(options);
let seededMs = 0;
if (options.seedNotices) {
  const require = createRequire(import.meta.url);
  const compiled = (file: string) => require(path.resolve(import.meta.dirname, '../../cms/dist/src/seed', file));
  const { importSnapshot } = compiled('import-snapshot.js');
  const { refreshStatistics } = compiled('refresh-statistics.js');
  const snapshot = loadSnapshot(generateSnapshot(options.seedNotices, 42, { institutions: 20 }));
  const started = performance.now();
  // As `npm run seed` does: the import, then fresh planner statistics.
  await importSnapshot(cms.strapi, snapshot);
  await refreshStatistics(cms.strapi);
  seededMs = performance.now() - started;
}
process.stdout.write(`${JSON.stringify({ url: cms.url, seededMs })}\n`);
// Strapi stops itself on SIGTERM (it destroys the app and exits), as it does in production.
