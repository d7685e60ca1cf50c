import { spawnSync } from 'node:child_process';
import path from 'node:path';

const CMS_DIR = path.resolve(import.meta.dirname, '../../cms');

/** Set for the test run once the CMS is compiled: the run's boots then load `cms/dist` (see bootStrapi). */
export const CMS_COMPILED_FOR_THIS_RUN = 'TABLICA_CMS_COMPILED_FOR_THIS_RUN';

/**
 * Compiles the CMS's TypeScript once per test run, before any test file boots a Strapi. Every boot
 * used to compile it again: 6–11 s each on these machines, over forty boots a run (both databases'
 * suites, the site's and the publisher's), for the same sources. Each project that boots the CMS
 * lists this setup; the first one compiles, the others find it done (in watch mode, restart vitest
 * after changing cms/src: a rerun does not compile again). It runs in a child process: Strapi's
 * ESM build does not load under vitest (STACK.md), and its compiler's memory stays out of the
 * runner.
 */
export default function compileCmsOnce() {
  if (process.env[CMS_COMPILED_FOR_THIS_RUN] === 'yes') return;
  const compile = `require('@strapi/strapi').compileStrapi({ appDir: ${JSON.stringify(CMS_DIR)} })
    .then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });`;
  const result = spawnSync(process.execPath, ['--input-type=commonjs', '-e', compile], {
    cwd: CMS_DIR,
    encoding: 'utf8',
    env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' },
  });
  if (result.status !== 0) {
    throw new Error(`The CMS did not compile (cms/, compileStrapi):\n${result.stdout}${result.stderr}`);
  }
  // Forked test workers and the processes they start inherit it.
  process.env[CMS_COMPILED_FOR_THIS_RUN] = 'yes';
}
