// The admin panel and compiled server code, rebuilt (about a minute) only when the CMS sources
// changed since the last build. Used by `npm start`, the admin browser test and the benchmarks.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
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

export function adminBuildIsStale() {
  const built = path.join(APP_DIR, 'dist', 'build', 'index.html');
  if (!existsSync(built)) return true;
  const sources = Math.max(newestMtime(path.join(APP_DIR, 'src')), newestMtime(path.join(APP_DIR, 'config')));
  return sources > statSync(built).mtimeMs;
}

/** Builds when stale; `stdio: 'inherit'` shows Strapi's own progress. Throws if the build fails. */
export function ensureAdminBuild({ stdio = 'pipe' } = {}) {
  if (!adminBuildIsStale()) return false;
  const result = spawnSync(process.execPath, [STRAPI_CLI, 'build'], {
    cwd: APP_DIR,
    env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' },
    encoding: 'utf8',
    stdio,
  });
  if (result.status !== 0) throw new Error(`strapi build failed:\n${result.stdout ?? ''}\n${result.stderr ?? ''}`);
  return true;
}
