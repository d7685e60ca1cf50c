import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The Postgres that tests may use (.ci/run sets it); without it, Postgres tests skip and say so. */
export const testPostgresUrl = process.env.TABLICA_TEST_DATABASE_URL;

/** For a test file that needs Postgres: says loudly that it skips, and never skips in CI. */
export function announcePostgresSkip(what: string): void {
  if (testPostgresUrl) return;
  const message = `\n*** ${what} SKIPPED: no Postgres. Set TABLICA_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test ***\n`;
  if (process.env.CI) throw new Error(message);
  process.stderr.write(message);
}

/**
 * A database of its own for one test file or benchmark run (created empty, dropped afterwards,
 * also while something is still connected), so that runs never see each other's rows.
 */
export async function throwawayDatabase(baseUrl: string, prefix = 'tablica_test') {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: async () => {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
