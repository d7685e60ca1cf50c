import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { buildRunDirectory } from '../../site/scripts/build-run-directory.ts';
import { buildSite, SITE_DIR, type SiteBuild } from '../support/site-build.ts';

/**
 * A build through scripts/build.ts writes the files of the data routes (calendars, CAP messages,
 * oEmbed answers, widget data, broadcast texts: ~60,000 files at 10,000 notices) in one go instead
 * of through Astro one request at a time (site/src/lib/data-files/). `astro dev`, and `astro build`
 * run alone, still render each through its route file. Both ways must make the same files.
 */
const ASTRO_CLI = path.join(
  path.dirname(createRequire(import.meta.url).resolve('astro/package.json', { paths: [SITE_DIR] })),
  'bin/astro.mjs',
);

/** What `astro build` renders of the demo content by itself, each route through its own file. */
async function astroAlone(now: string): Promise<string> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'tablica-astro-alone-'));
  // A working directory of its own: Astro writes its prerender code under it (scripts/build.ts).
  const run = buildRunDirectory(SITE_DIR);
  try {
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [ASTRO_CLI, 'build', '--root', SITE_DIR, '--outDir', outDir], {
        cwd: run,
        env: {
          ...process.env,
          ASTRO_TELEMETRY_DISABLED: '1',
          NO_COLOR: '1',
          TABLICA_CONTENT: '',
          STRAPI_URL: '',
          TABLICA_NOW: now,
          TABLICA_ASTRO_CACHE_DIR: path.join(run, 'cache'),
          TABLICA_DATA_FILES_DIR: '',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let printed = '';
      child.stdout.on('data', (chunk) => {
        printed += chunk;
      });
      child.stderr.on('data', (chunk) => {
        printed += chunk;
      });
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 ? resolve(printed) : reject(new Error(`astro build: ${code}\n${printed}`)),
      );
    });
    expect(output).toContain('Complete');
  } finally {
    rmSync(run, { recursive: true, force: true });
  }
  return outDir;
}

const filesUnder = (directory: string) =>
  new Set(
    (readdirSync(directory, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name))),
  );

const DATA_FILES: Record<string, RegExp> = {
  'notice calendars': /^calendar\/[^/]+\.ics$/,
  'CAP messages': /^cap\/[^/]+\/v\d+\.xml$/,
  'broadcast texts': /^dla-mediow\/[^/]+\/(?:sms|radio|warning)\.txt$/,
  'broadcast texts in translation': /^(?:en|uk)\/newsroom\/[^/]+\/(?:sms|radio|warning)\.txt$/,
  'oEmbed answers': /^oembed\/.+\.json$/,
  'oEmbed answers in translation': /^(?:en|uk)\/oembed\/.+\.json$/,
  'widget data of a notice': /^widget\/notice\/[^/]+\.json$/,
};

describe('the data files a build writes in one go', () => {
  let alone: string;
  let build: SiteBuild;
  let site: string;

  beforeAll(async () => {
    const now = inject('demoNow');
    [alone, build] = await Promise.all([astroAlone(now), buildSite({ env: { TABLICA_NOW: now } })]);
    expect(build.ok, build.output).toBe(true);
    site = build.outDir;
  }, 300_000);
  afterAll(() => {
    for (const directory of [alone, site]) if (directory) rmSync(directory, { recursive: true, force: true });
  });

  test('were written so, one route at a time', () => {
    const written = [...build.output.matchAll(/data files written in one go: ([\w-]+), (\d+)/g)];
    expect(written.map(([, route]) => route).sort()).toEqual([
      'broadcast-texts',
      'broadcast-texts-translations',
      'cap-messages',
      'notice-calendars',
      'notice-widgets',
      'oembed',
      'oembed-translations',
    ]);
    expect(written.every(([, , count]) => Number(count) > 0)).toBe(true);
  });

  test('are the files their Astro routes render, byte for byte, and none is missing or extra', () => {
    const built = filesUnder(site);
    const rendered = filesUnder(alone);
    for (const [what, pattern] of Object.entries(DATA_FILES)) {
      const ours = [...built].filter((file) => pattern.test(file)).sort();
      const astros = [...rendered].filter((file) => pattern.test(file)).sort();
      expect(astros.length, `${what}: Astro rendered some`).toBeGreaterThan(0);
      expect(ours, what).toEqual(astros);
      for (const file of ours) {
        expect(readFileSync(path.join(site, file), 'utf8'), file).toBe(readFileSync(path.join(alone, file), 'utf8'));
      }
    }
  });

  test('leave every other file of the build as Astro renders it, and no record of their own', () => {
    const built = filesUnder(site);
    // Astro alone leaves the keys where their route renders them; the build moves them out of sight.
    const differ = [...filesUnder(alone)]
      .filter((file) => file !== 'tablica-page-keys.json')
      .filter(
        (file) => !built.has(file) || !readFileSync(path.join(site, file)).equals(readFileSync(path.join(alone, file))),
      );
    expect(differ).toEqual([]);
    expect([...built].filter((file) => file.startsWith('tablica-data-files'))).toEqual([]);
  });
});
