import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const REPO = path.resolve(import.meta.dirname, '../..');
export const SITE_DIR = path.join(REPO, 'site');
const ASTRO_CLI = path.join(REPO, 'node_modules/astro/bin/astro.mjs');

export interface SiteBuild {
  ok: boolean;
  outDir: string;
  /** Everything the build printed, stdout and stderr together, without colour codes. */
  output: string;
}

export interface SiteBuildOptions {
  /** TABLICA_CONTENT, STRAPI_URL, TABLICA_NOW, … (see site/src/lib/site-config.ts). */
  env?: Record<string, string>;
  outDir?: string;
}

/** Runs `astro build` of the real site in a child process, as `npm run build -w site` does. */
export function buildSite({ env = {}, outDir }: SiteBuildOptions = {}): Promise<SiteBuild> {
  const target = outDir ?? mkdtempSync(path.join(tmpdir(), 'tablica-site-'));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ASTRO_CLI, 'build', '--outDir', target], {
      cwd: SITE_DIR,
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        TABLICA_CONTENT: '',
        STRAPI_URL: '',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ ok: code === 0, outDir: target, output: stripVTControlCharacters(output) }));
  });
}
