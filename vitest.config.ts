import { defineConfig } from 'vitest/config';

/** The CMS suite boots a real Strapi per file: one file at a time, in forked processes. */
const cmsProject = (name: string, env: Record<string, string> = {}, exclude: string[] = []) => ({
  test: {
    name,
    root: './cms',
    include: ['test/**/*.test.ts'],
    exclude,
    globalSetup: ['../tests/setup/build-cms-once.ts'],
    setupFiles: ['../tests/setup/fail-on-console.ts'],
    pool: 'forks' as const,
    fileParallelism: false,
    hookTimeout: 180_000,
    testTimeout: 60_000,
    env,
  },
});

const postgresUrl = process.env.TABLICA_TEST_DATABASE_URL;

/**
 * Browser and end-to-end tests wait for what a page or a server does (a widget fetching and
 * drawing, a mail arriving): on a busy 2-core machine that takes more than expect.poll's default
 * second (a CI run failed so). A longer wait changes nothing a test measures; it only stops it
 * failing for the machine's load.
 */
const patientPolls = { poll: { timeout: 10_000 } };

export default defineConfig({
  test: {
    reporters: ['default', './tests/setup/plain-summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'shared',
          root: './shared',
          include: ['test/**/*.test.ts'],
          setupFiles: ['../tests/setup/fail-on-console.ts'],
          benchmark: { include: ['bench/**/*.bench.ts'] },
        },
      },
      {
        // Every output as a pure function, table-driven, beside its module: seconds, no build.
        test: {
          name: 'outputs',
          root: './site',
          include: ['src/**/*.test.ts'],
          setupFiles: ['../tests/setup/fail-on-console.ts'],
        },
      },
      {
        test: {
          name: 'toolchain',
          root: './tests',
          include: ['toolchain/**/*.test.ts'],
          setupFiles: ['./setup/fail-on-console.ts'],
        },
      },
      {
        // Builds the real site (demo snapshot once, in globalSetup) and checks it in Node and Chromium.
        test: {
          name: 'site',
          expect: patientPolls,
          root: './tests',
          include: ['site/**/*.test.ts'],
          globalSetup: ['./setup/build-cms-once.ts', './site/global-setup.ts'],
          setupFiles: ['./setup/fail-on-console.ts'],
          pool: 'forks' as const,
          fileParallelism: false,
          hookTimeout: 300_000,
          testTimeout: 120_000,
        },
      },
      {
        // The publishing path end to end: a real Strapi, the publisher, its server.
        test: {
          name: 'publish',
          expect: patientPolls,
          root: './tests',
          include: ['publish/**/*.test.ts'],
          globalSetup: ['./setup/build-cms-once.ts'],
          setupFiles: ['./setup/fail-on-console.ts'],
          pool: 'forks' as const,
          fileParallelism: false,
          hookTimeout: 300_000,
          testTimeout: 180_000,
        },
      },
      cmsProject('cms'),
      // The same suite on Postgres when a test database is given (.ci/run sets it).
      // The admin-panel browser test is about the editor's screen, not the database: SQLite only.
      ...(postgresUrl
        ? [
            cmsProject('cms-postgres', { TABLICA_TEST_DB: 'postgres', TABLICA_TEST_DATABASE_URL: postgresUrl }, [
              'test/admin-panel.test.ts',
            ]),
          ]
        : []),
    ],
  },
});
