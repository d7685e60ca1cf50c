// The admin panel and compiled server code, rebuilt (about a minute) only when the CMS sources or
// the installed dependencies changed since the last build. Used by `npm start`, `npm run build -w
// cms`, the admin browser tests and the benchmarks.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
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
/** The installed dependencies (Strapi's admin among them), as npm ci installs them. */
const LOCK_FILE = path.join(APP_DIR, '..', 'package-lock.json');
/** What the built panel was built for and from; beside the panel's folder, which Strapi serves. */
const RECORD = 'tablica-admin-built-from.json';

/** The environment of every `strapi build` (buildAdminPanel): `npm start`'s, the tests', the benchmarks'. */
function adminBuildEnv() {
  return { ...process.env, NODE_ENV: BUILT_FOR, STRAPI_TELEMETRY_DISABLED: 'true' };
}

/**
 * What a build made now would be made for and from. The dependencies count: after an upgrade
 * (`git pull && npm ci`, which leaves cms/dist alone) the old panel would be served by the new
 * Strapi, which may no longer answer it as it expects.
 */
function buildRecord(lockFile) {
  const dependencies = existsSync(lockFile)
    ? createHash('sha256').update(readFileSync(lockFile)).digest('hex')
    : 'none';
  return `${JSON.stringify({ for: BUILT_FOR, dependencies })}\n`;
}

/** Records, after a successful build, what it was built for and from (see adminBuildIsStale). */
export function recordAdminBuild({ appDir = APP_DIR, lockFile = LOCK_FILE } = {}) {
  writeFileSync(path.join(appDir, 'dist', RECORD), buildRecord(lockFile));
}

/** Stale: no build, one made otherwise or from other dependencies, or sources changed since. */
export function adminBuildIsStale({ appDir = APP_DIR, lockFile = LOCK_FILE } = {}) {
  const built = path.join(appDir, 'dist', 'build', 'index.html');
  const record = path.join(appDir, 'dist', RECORD);
  if (!existsSync(built) || !existsSync(record)) return true;
  if (readFileSync(record, 'utf8') !== buildRecord(lockFile)) return true;
  const sources = Math.max(newestMtime(path.join(appDir, 'src')), newestMtime(path.join(appDir, 'config')));
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
