import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const REPO = path.resolve(import.meta.dirname, '../..');
export const SITE_DIR = path.join(REPO, 'site');
const BUILD_SCRIPT = path.join(SITE_DIR, 'scripts/build.ts');

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
  /** A previous build to link unchanged notices' files from (`--incrementalFrom`). */
  incrementalFrom?: string;
  /** With incrementalFrom: keep its search index (`--searchIndex later`). */
  searchIndexLater?: boolean;
  /** With incrementalFrom: an older build to take over (`--recycle`); it is gone after. */
  recycle?: string;
  /** Called with all the build has printed so far, each time it prints more. */
  onOutput?: (output: string) => void;
}

/**
 * A scratch directory opened to others (mkdtemp makes it 0700), as a deploy directory is: nginx's
 * workers, which the HTTP tests run as an operator does, read it as `nobody`.
 */
export function readableByAll(directory: string): string {
  chmodSync(directory, 0o755);
  return directory;
}

/** Runs the real site build (`npm run build -w site`: Astro, then the search index) in a child process. */
export function buildSite({
  env = {},
  outDir,
  incrementalFrom,
  searchIndexLater,
  recycle,
  onOutput,
}: SiteBuildOptions = {}): Promise<SiteBuild> {
  const target = outDir ?? readableByAll(mkdtempSync(path.join(tmpdir(), 'tablica-site-')));
  const incremental = incrementalFrom
    ? [
        '--incrementalFrom',
        incrementalFrom,
        ...(recycle ? ['--recycle', recycle] : []),
        ...(searchIndexLater ? ['--searchIndex', 'later'] : []),
      ]
    : [];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BUILD_SCRIPT, '--outDir', target, ...incremental], {
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
    const take = (chunk: Buffer) => {
      output += chunk;
      onOutput?.(output);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', reject);
    child.on('close', (code) => resolve({ ok: code === 0, outDir: target, output: stripVTControlCharacters(output) }));
  });
}

/** Builds the site from a snapshot given as data (written to a file of its own first), with any other `env`. */
export function buildSiteFromSnapshot(
  snapshot: unknown,
  env: Record<string, string> = {},
  options: Omit<SiteBuildOptions, 'env'> = {},
): Promise<SiteBuild> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'tablica-snapshot-')), 'snapshot.json');
  writeFileSync(file, JSON.stringify(snapshot));
  return buildSite({ ...options, env: { ...env, TABLICA_CONTENT: file } });
}
