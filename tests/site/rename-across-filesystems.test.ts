import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { scratchOnAnotherFilesystem } from '../support/other-filesystem.ts';
import { SITE_DIR } from '../support/site-build.ts';

const PRELOAD = pathToFileURL(path.join(SITE_DIR, 'scripts/rename-across-filesystems.ts')).href;

/** Runs `script` (an ES module) in a Node process patched as astro.config.ts patches Astro's. */
const withPreload = (script: string) =>
  spawnSync(process.execPath, ['--import', PRELOAD, '--input-type=module', '-e', script], { encoding: 'utf8' });

// Astro moves what it prerendered from inside the site into the build; the build can be on a
// volume of its own (tests/publish/publish.test.ts publishes so). Each way Node renames.
describe('renames from the code into a build on another filesystem', () => {
  const here = mkdtempSync(path.join(SITE_DIR, '.tablica-rename-test-'));
  const there = scratchOnAnotherFilesystem('tablica-rename-test-');
  afterAll(() => {
    for (const directory of [here, there]) rmSync(directory, { recursive: true, force: true });
  });

  test('a file and a folder arrive whole and leave nothing behind, by promise, callback or in one go', () => {
    for (const [way, call] of [
      ['promise', 'await fs.promises.rename(from, to)'],
      ['callback', 'await new Promise((done, fail) => fs.rename(from, to, (e) => (e ? fail(e) : done())))'],
      ['sync', 'fs.renameSync(from, to)'],
    ] as const) {
      writeFileSync(path.join(here, `${way}.css`), `/* ${way} */`);
      mkdirSync(path.join(here, `${way}-folder`, 'inner'), { recursive: true });
      writeFileSync(path.join(here, `${way}-folder`, 'inner', 'a.txt'), way);
      const run = withPreload(`
        import fs from 'node:fs';
        for (const name of ${JSON.stringify([`${way}.css`, `${way}-folder`])}) {
          const [from, to] = [${JSON.stringify(here)} + '/' + name, ${JSON.stringify(there)} + '/' + name];
          ${call};
        }`);
      expect(run.status, run.stderr).toBe(0);
      expect(readFileSync(path.join(there, `${way}.css`), 'utf8')).toBe(`/* ${way} */`);
      expect(readFileSync(path.join(there, `${way}-folder`, 'inner', 'a.txt'), 'utf8')).toBe(way);
      expect(existsSync(path.join(here, `${way}.css`))).toBe(false);
      expect(existsSync(path.join(here, `${way}-folder`))).toBe(false);
    }
  });

  test('any other failure of a rename is still that failure', () => {
    const run = withPreload(`
      import fs from 'node:fs';
      await fs.promises.rename(${JSON.stringify(path.join(here, 'missing'))}, ${JSON.stringify(path.join(there, 'x'))});`);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('ENOENT');
  });
});
