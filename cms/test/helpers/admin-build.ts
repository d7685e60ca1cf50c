import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const APP_DIR = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the admin panel (about a minute) unless a build newer than the sources exists. */
export function ensureAdminBuild() {
  const built = path.join(APP_DIR, 'dist', 'build', 'index.html');
  const sources = Math.max(newestMtime(path.join(APP_DIR, 'src')), newestMtime(path.join(APP_DIR, 'config')));
  if (existsSync(built) && statSync(built).mtimeMs > sources) return;
  const cli = path.join(path.dirname(require.resolve('@strapi/strapi/package.json')), 'bin', 'strapi.js');
  const result = spawnSync(process.execPath, [cli, 'build'], {
    cwd: APP_DIR,
    env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`strapi build failed:\n${result.stdout}\n${result.stderr}`);
}
