// The admin panel and compiled server code, rebuilt (about a minute) only when the CMS sources
// changed since the last build. Used by `npm start`, the admin browser test and the benchmarks.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const APP_DIR = path.resolve(import.meta.dirname, '..');
/** Strapi's CLI, to run on this process's own (Node 24) binary rather than through `npm run`. */
export const STRAPI_CLI = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@strapi/strapi/package.json')),
  'bin',
  'strapi.js',
);

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * How every admin build is made: for production. Strapi builds for development when NODE_ENV is
 * unset (loading the app sets it so), and `npm start` used to build so: editors got React's
 * development build (slower, with developers' warnings) and Strapi's guided tour for developers
 * ("Create your schema", "Deploy to Strapi Cloud") over the content manager, which it shows only
 * in development builds. The tests build under vitest's NODE_ENV=test, where the tour is off too:
 * they saw another panel than editors. Now both build this one.
 */
const BUILT_FOR = 'production';
/**
 * What the built panel was built for, so that a build made otherwise counts as stale. Beside the
 * panel's folder, not in it: Strapi serves that folder.
 */
const BUILT_FOR_FILE = path.join(APP_DIR, 'dist', 'tablica-admin-built-for.txt');

/** The environment of `strapi build`, for `npm start`, the tests and the benchmarks alike. */
export function adminBuildEnv() {
  return { ...process.env, NODE_ENV: BUILT_FOR, STRAPI_TELEMETRY_DISABLED: 'true' };
}

/** Records, after a successful build, what it was built for (see adminBuildIsStale). */
export function recordAdminBuild() {
  writeFileSync(BUILT_FOR_FILE, `${BUILT_FOR}\n`);
}

export function adminBuildIsStale() {
  const built = path.join(APP_DIR, 'dist', 'build', 'index.html');
  if (!existsSync(built) || !existsSync(BUILT_FOR_FILE)) return true;
  if (readFileSync(BUILT_FOR_FILE, 'utf8').trim() !== BUILT_FOR) return true;
  const sources = Math.max(newestMtime(path.join(APP_DIR, 'src')), newestMtime(path.join(APP_DIR, 'config')));
  return sources > statSync(built).mtimeMs;
}

/** Builds now; `stdio: 'inherit'` shows Strapi's own progress. Throws if the build fails. */
export function buildAdminPanel({ stdio = 'pipe' } = {}) {
  const result = spawnSync(process.execPath, [STRAPI_CLI, 'build'], {
    cwd: APP_DIR,
    env: adminBuildEnv(),
    encoding: 'utf8',
    stdio,
  });
  if (result.status !== 0) throw new Error(`strapi build failed:\n${result.stdout ?? ''}\n${result.stderr ?? ''}`);
  recordAdminBuild();
}

/** Builds when stale (see buildAdminPanel); says whether it built. */
export function ensureAdminBuild({ stdio = 'pipe' } = {}) {
  if (!adminBuildIsStale()) return false;
  buildAdminPanel({ stdio });
  return true;
}
