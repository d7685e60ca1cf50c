import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { CMS_COMPILED_FOR_THIS_RUN } from '../../../tests/setup/build-cms-once.ts';

// Strapi's ESM build fails under vitest; its CommonJS build loads fine (STACK.md).
const require = createRequire(import.meta.url);
const APP_DIR = path.resolve(import.meta.dirname, '../..');
const DIST_DIR = path.join(APP_DIR, 'dist');

export interface RunningStrapi {
  strapi: Core.Strapi;
  url: string;
  /** Which database this instance runs on, for test names. */
  database: 'sqlite' | 'postgres';
  stop: () => Promise<void>;
}

export interface BootOptions {
  /** Seed the demo content into the fresh database (default: false, tests create their own). */
  seedDemo?: boolean;
  /** Serve the built admin panel, as in production (built once per test run: tests/setup/build-cms-once.ts). */
  serveAdminPanel?: boolean;
  /** A Postgres server to create a throwaway schema in; default: the test project's, if any. */
  postgresUrl?: string | undefined;
  /** An existing schema of that Postgres to run on (another instance's), kept at stop; default: a throwaway one. */
  schema?: string;
  /** A SQLite file to run on (another process's, kept at stop); default: a fresh one in a scratch directory. */
  sqliteFile?: string;
  /**
   * Compile the TypeScript sources first. false runs the already compiled `dist`, as `strapi
   * start` does, without the compiler's memory in the process. Default: compile, unless this test
   * run compiled the CMS once already (tests/setup/build-cms-once.ts).
   */
  compile?: boolean;
  env?: Record<string, string>;
}

const secret = () => randomBytes(16).toString('base64');

/** Fresh values of the secrets Strapi needs; instances that share them accept each other's sessions and tokens. */
export function strapiSecrets(): Record<string, string> {
  return {
    APP_KEYS: `${secret()},${secret()}`,
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
  };
}

/** A throwaway Postgres schema, when TABLICA_TEST_DATABASE_URL is set for this project. */
async function postgresSchema(url: string) {
  const { Client } = require('pg') as typeof import('pg');
  const schema = `tablica_test_${randomBytes(6).toString('hex')}`;
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE SCHEMA ${schema}`);
  await client.end();
  const drop = async () => {
    const admin = new Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  };
  return { schema, drop };
}

/**
 * Boots the real CMS on a fresh database and listens on 127.0.0.1 with a random port:
 * compileStrapi → createStrapi().load() → server.mount() → listen(0).
 */
export async function bootStrapi({
  seedDemo = false,
  serveAdminPanel = false,
  env = {},
  postgresUrl = process.env.TABLICA_TEST_DB === 'postgres' ? process.env.TABLICA_TEST_DATABASE_URL : undefined,
  schema,
  sqliteFile,
  compile = process.env[CMS_COMPILED_FOR_THIS_RUN] !== 'yes',
}: BootOptions = {}): Promise<RunningStrapi> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'tablica-cms-'));
  const pg = postgresUrl
    ? schema
      ? { schema, drop: async () => undefined }
      : await postgresSchema(postgresUrl)
    : undefined;

  Object.assign(process.env, {
    HOST: '127.0.0.1',
    PORT: '0',
    ...strapiSecrets(),
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_LOG_LEVEL: 'error',
    TABLICA_SEED: String(seedDemo),
    SITE_REBUILD_URL: '',
    SITE_REBUILD_SECRET: '',
    ADMIN_EMAIL: '',
    ADMIN_PASSWORD: '',
    ...(pg && postgresUrl
      ? { DATABASE_CLIENT: 'postgres', DATABASE_URL: postgresUrl, DATABASE_SCHEMA: pg.schema }
      : {
          DATABASE_CLIENT: 'sqlite',
          DATABASE_URL: '',
          DATABASE_FILENAME: sqliteFile ?? path.join(scratch, 'data.db'),
        }),
    // The admin panel as editors get it: in development and test Strapi sends it with a looser
    // Content-Security-Policy (tests/support/admin-policy.ts), which would hide a part of the panel
    // that needs it. For this process only: each test file runs in one of its own (pool: forks).
    ...(serveAdminPanel ? { NODE_ENV: 'production' } : {}),
    ...env,
  });

  const { compileStrapi, createStrapi } = require('@strapi/strapi') as typeof import('@strapi/strapi');
  const context = compile ? await compileStrapi({ appDir: APP_DIR }) : { appDir: APP_DIR, distDir: DIST_DIR };
  const strapi = await createStrapi({ ...context, autoReload: false, serveAdminPanel }).load();
  await strapi.server.mount();
  const server = strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    strapi,
    url: `http://127.0.0.1:${port}`,
    database: pg ? 'postgres' : 'sqlite',
    async stop() {
      // strapi.destroy() calls process.removeAllListeners(), which would take vitest's own
      // listeners with it and kill the worker.
      const removeAll = process.removeAllListeners;
      process.removeAllListeners = (() => process) as typeof process.removeAllListeners;
      try {
        // Work a test's requests set off (webhooks, the scheduler's pass) may still be waiting for
        // a connection: closing the pool under it rejects it ("aborted", unhandled, after the test).
        await poolSettled(strapi);
        await strapi.destroy();
      } finally {
        process.removeAllListeners = removeAll;
      }
      await pg?.drop();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** An API token created the way `npm run token -w cms` does, or a full-access one for writes. */
export async function createApiToken(strapi: Core.Strapi, type: 'read-only' | 'full-access') {
  const token = await strapi.service('admin::api-token').create({
    name: `test ${type} ${randomBytes(4).toString('hex')}`,
    type,
    lifespan: null,
    description: 'created by a test',
  });
  return token.accessKey as string;
}

/** Waits (at most 5 s) until no query holds or waits for one of the pool's connections. */
async function poolSettled(strapi: { db: { connection: unknown } }): Promise<void> {
  const pool = (strapi.db.connection as { client?: { pool?: { numUsed(): number; numPendingAcquires(): number } } })
    .client?.pool;
  if (!pool) return;
  const until = Date.now() + 5_000;
  while (pool.numUsed() + pool.numPendingAcquires() > 0 && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
