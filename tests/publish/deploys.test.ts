import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { checkBuild, dropVerdict } from '../../site/publisher/build-check.ts';
import { BuildQueue } from '../../site/publisher/build-queue.ts';
import { DirectoryTarget as Deploys, KEEP_BUILDS } from '../../site/publisher/deploy/directory-target.ts';
import { createSiteHandler, listen } from '../../site/publisher/static-server.ts';
import { filesOfBuild } from '../../site/scripts/build-files.ts';
import { linkAll } from '../../site/scripts/reuse-unchanged.ts';
import { writeWrittenFiles } from '../../site/scripts/written-files.ts';
import { outputPaths, REQUIRED_FILES } from '../../site/src/lib/outputs/manifest.ts';

const ROLLBACK = path.resolve(import.meta.dirname, '../../site/publisher/rollback.ts');

const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A finished build holding one file that says which build it is. */
function addBuild(deploys: Deploys, label: string): string {
  const { id, directory } = deploys.startBuild();
  mkdirSync(directory, { recursive: true });
  writeFileSync(path.join(directory, 'index.html'), label);
  deploys.finishBuild(id);
  return id;
}

const served = (deploys: Deploys) => readFileSync(path.join(deploys.current, 'index.html'), 'utf8');

describe('deploys on disk', () => {
  test('switching is one symlink rename; the last three builds stay; rollback goes back one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tablica-deploys-'));
    scratch.push(dir);
    const deploys = new Deploys(dir);
    const ids = ['one', 'two', 'three', 'four'].map((label) => {
      const id = addBuild(deploys, label);
      deploys.switchTo(id);
      return id;
    });
    expect(served(deploys)).toBe('four');
    expect(readlinkSync(deploys.current)).toBe(path.join('builds', ids[3] ?? ''));
    expect(deploys.list()).toEqual(ids.slice(-KEEP_BUILDS));
    expect(deploys.rollback()).toBe(ids[2]);
    expect(served(deploys)).toBe('three');
    expect(deploys.rollback()).toBe(ids[1]);
    expect(deploys.rollback()).toBeUndefined(); // 'one' is gone
    expect(served(deploys)).toBe('two');
  });

  test('the two newest builds dropped are kept out of sight as spares the next builds take over, newest first; older ones are deleted', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tablica-deploys-'));
    scratch.push(dir);
    const deploys = new Deploys(dir);
    const switched = (label: string) => deploys.switchTo(addBuild(deploys, label));
    const spareHolds = () => readFileSync(path.join(deploys.startBuild().spare ?? '', 'index.html'), 'utf8');
    for (const label of ['one', 'two', 'three']) switched(label);
    expect(deploys.startBuild().spare).toBeUndefined();
    switched('four');
    expect(spareHolds()).toBe('one');
    switched('five');
    expect(spareHolds()).toBe('two');
    // A publish's build takes the newest spare over (build.ts moves it away); its search index's copy the other.
    const first = deploys.startBuild().spare ?? '';
    renameSync(first, `${first}-taken`);
    expect(spareHolds()).toBe('one');
    renameSync(`${first}-taken`, first);
    switched('six');
    expect(spareHolds()).toBe('three');
    // 'one' went (in the background, without holding up the publisher): no build keeps more than two spares.
    await expect
      .poll(() =>
        readdirSync(deploys.builds)
          .filter((name) => name.startsWith('.'))
          .sort(),
      )
      .toEqual(['.tablica-spare', '.tablica-spare-2']);
    // Never a build to roll back to, never served, and not offered after a restart, whose first
    // build is a full one (every file new): they go in the background.
    expect(deploys.list()).toHaveLength(KEEP_BUILDS);
    const restarted = new Deploys(dir);
    expect(restarted.recover()).toEqual([]);
    expect(restarted.startBuild().spare).toBeUndefined();
    await expect.poll(() => readdirSync(restarted.builds).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  test('a new build is the newest when the clock gives a millisecond again or goes back: the builds before it are kept, in order', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tablica-deploys-'));
    scratch.push(dir);
    const deploys = new Deploys(dir);
    const kept = () => deploys.list().map((id) => readFileSync(path.join(deploys.builds, id, 'index.html'), 'utf8'));
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      // Every build in one millisecond: once 'one' is a spare, its id is free again (CI, at 85f1b86).
      vi.setSystemTime(new Date('2026-03-20T10:00:00.000Z'));
      for (const label of ['one', 'two', 'three', 'four', 'five', 'six']) deploys.switchTo(addBuild(deploys, label));
      expect(served(deploys)).toBe('six');
      expect(kept()).toEqual(['four', 'five', 'six']);
      // The machine's clock set back an hour.
      vi.setSystemTime(new Date('2026-03-20T09:00:00.000Z'));
      deploys.switchTo(addBuild(deploys, 'seven'));
      expect(served(deploys)).toBe('seven');
      expect(kept()).toEqual(['five', 'six', 'seven']);
      deploys.rollback();
      expect(served(deploys)).toBe('six');
    } finally {
      vi.useRealTimers();
    }
  });

  test('npm run rollback: a running server serves the previous build from the next request on', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tablica-deploys-'));
    scratch.push(dir);
    const deploys = new Deploys(dir);
    for (const label of ['yesterday', 'today']) deploys.switchTo(addBuild(deploys, label));
    const server = await listen(createSiteHandler(() => deploys.liveDirectory()));
    try {
      expect(await (await fetch(`${server.url}/`)).text()).toBe('today');
      const rollback = spawnSync(process.execPath, [ROLLBACK], {
        env: { ...process.env, TABLICA_DEPLOY_DIR: dir },
        encoding: 'utf8',
      });
      expect(rollback.status).toBe(0);
      expect(rollback.stdout).toMatch(/rolled back from .* to /);
      expect(await (await fetch(`${server.url}/`)).text()).toBe('yesterday');
      // Nothing older to go back to: said plainly, and nothing changes.
      const again = spawnSync(process.execPath, [ROLLBACK], { env: { ...process.env, TABLICA_DEPLOY_DIR: dir } });
      expect(again.status).toBe(1);
      expect(await (await fetch(`${server.url}/`)).text()).toBe('yesterday');
    } finally {
      await server.close();
    }
  });

  test('before the first build there is nothing to serve: 503, then the build', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tablica-deploys-'));
    scratch.push(dir);
    const deploys = new Deploys(dir);
    const server = await listen(createSiteHandler(() => deploys.liveDirectory()));
    try {
      const early = await fetch(`${server.url}/`);
      expect(early.status).toBe(503);
      expect(early.headers.get('retry-after')).toBe('10');
      deploys.switchTo(addBuild(deploys, 'first'));
      expect(await (await fetch(`${server.url}/`)).text()).toBe('first');
    } finally {
      await server.close();
    }
  });

  test("one publisher per directory; a dead owner's lock is taken over", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tablica-deploys-'));
    scratch.push(dir);
    const other = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    writeFileSync(path.join(dir, 'publisher.pid'), other.stdout); // that process has exited
    const deploys = new Deploys(dir);
    deploys.lock();
    expect(readFileSync(path.join(dir, 'publisher.pid'), 'utf8')).toBe(String(process.pid));
    writeFileSync(path.join(dir, 'publisher.pid'), String(process.ppid)); // alive: the test runner
    expect(() => new Deploys(dir).lock()).toThrow(/another publisher \(pid \d+\)/);
    writeFileSync(path.join(dir, 'publisher.pid'), String(process.pid));
    deploys.unlock();
  });

  test('a build killed half-way is never served and is cleared at the next start, with everything else a stop left', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tablica-deploys-'));
    scratch.push(dir);
    const deploys = new Deploys(dir);
    deploys.switchTo(addBuild(deploys, 'good'));
    const half = deploys.startBuild();
    // What a killed publish leaves: its unfinished build (a whole site's links at 10,000 notices),
    // the files it linked beside Astro, a build it was deleting, and a spare.
    const leftovers = [`${half.id}.partial`, '.tablica-reused-x1', '.tablica-trash-1-2-3', '.tablica-spare'];
    for (const name of leftovers) {
      mkdirSync(path.join(deploys.builds, name, 'komunikaty', 'a'), { recursive: true });
      writeFileSync(path.join(deploys.builds, name, 'komunikaty', 'a', 'index.html'), 'half');
    }
    const restarted = new Deploys(dir);
    expect(served(restarted)).toBe('good');
    expect(restarted.recover().sort()).toEqual(leftovers.slice(0, 2).sort());
    // Out of the way at once: the build that starts next cannot meet them.
    expect(readdirSync(restarted.builds).filter((name) => leftovers.slice(0, 2).includes(name))).toEqual([]);
    expect(restarted.startBuild().spare).toBeUndefined();
    expect(() => restarted.switchTo(half.id)).toThrow(/no finished build/);
    // Then their files are gone too (deleted in the background: recover()).
    await expect.poll(() => readdirSync(restarted.builds)).toEqual([restarted.live()]);
  });

  test('a discarded build (a failed one, a search index set aside) leaves nothing behind, and the live build stays', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tablica-deploys-'));
    scratch.push(dir);
    const deploys = new Deploys(dir);
    deploys.switchTo(addBuild(deploys, 'good'));
    const discarded = deploys.startBuild();
    mkdirSync(path.join(discarded.directory, 'komunikaty'), { recursive: true });
    writeFileSync(path.join(discarded.directory, 'komunikaty', 'index.html'), 'set aside');
    deploys.discardBuild(discarded.id);
    expect(readdirSync(deploys.builds).filter((name) => name.endsWith('.partial'))).toEqual([]);
    await expect.poll(() => readdirSync(deploys.builds)).toEqual([deploys.live()]);
    expect(served(deploys)).toBe('good');
  });
});

describe('the build check', () => {
  /** A build with every required file, each of its JSON files valid, and a notice's widget data. */
  function wholeBuild(): string {
    const directory = mkdtempSync(path.join(tmpdir(), 'tablica-check-'));
    scratch.push(directory);
    for (const file of [...REQUIRED_FILES, 'oembed/komunikat.json']) {
      mkdirSync(path.dirname(path.join(directory, file)), { recursive: true });
      writeFileSync(
        path.join(directory, file),
        file === outputPaths.buildManifest.slice(1)
          ? JSON.stringify({ notices: 1 })
          : file.endsWith('.json')
            ? '{}'
            : 'x',
      );
    }
    return directory;
  }
  const linkedFrom = (base: string) => {
    const directory = mkdtempSync(path.join(tmpdir(), 'tablica-check-'));
    scratch.push(directory);
    linkAll(filesOfBuild(base), base, directory);
    return directory;
  };

  test('a JSON file that does not parse keeps the build from going live, named', () => {
    const build = wholeBuild();
    expect(checkBuild(build).ok).toBe(true);
    writeFileSync(path.join(build, 'oembed/komunikat.json'), '{"title": "Zawieszenie');
    expect(checkBuild(build)).toEqual({ ok: false, problems: ['oembed/komunikat.json is not valid JSON'] });
  });

  test('an incremental build: a file written anew is parsed, one linked from the checked build is not', () => {
    const base = wholeBuild();
    const next = linkedFrom(base);
    expect(checkBuild(next, base).ok).toBe(true);
    // Rendered by this build (its own file, not the base's): checked.
    rmSync(path.join(next, 'oembed/komunikat.json'));
    writeFileSync(path.join(next, 'oembed/komunikat.json'), '{');
    expect(checkBuild(next, base)).toEqual({ ok: false, problems: ['oembed/komunikat.json is not valid JSON'] });
    // A file that is one with the base's (a hard link) is taken as checked: the publisher names
    // as the base only a build that passed. So it is not read again, whatever it holds.
    const again = linkedFrom(next);
    expect(checkBuild(again, next).ok).toBe(true);
    expect(checkBuild(again).ok).toBe(false);
  });

  test('an incremental build that lists what it wrote: those files are parsed, nothing else is read', () => {
    const base = wholeBuild();
    const next = linkedFrom(base);
    rmSync(path.join(next, 'oembed/komunikat.json'));
    writeFileSync(path.join(next, 'oembed/komunikat.json'), '{');
    // Listed as written by the build (scripts/build.ts): parsed, and refused.
    writeWrittenFiles(next, base, ['oembed/komunikat.json', 'index.html']);
    expect(checkBuild(next, base)).toEqual({ ok: false, problems: ['oembed/komunikat.json is not valid JSON'] });
    // Not listed: taken as linked from the checked build (the list is the build's own account).
    writeWrittenFiles(next, base, ['index.html']);
    expect(checkBuild(next, base).ok).toBe(true);
    // A list made against another base is no account of this one: every file is looked at again.
    writeWrittenFiles(next, linkedFrom(base), ['index.html']);
    expect(checkBuild(next, base).ok).toBe(false);
    // Required files are still required.
    writeWrittenFiles(next, base, []);
    rmSync(path.join(next, outputPaths.sitemap));
    expect(checkBuild(next, base)).toEqual({ ok: false, problems: [`missing ${outputPaths.sitemap.slice(1)}`] });
  });
});

describe('the sharp-drop guard', () => {
  test.each([
    [100, 100, 0, false],
    [100, 99, 0, false], // one notice fewer: not sharp
    [10, 8, 0, false], // two: below the minimum of three
    [100, 70, 0, true], // 30 gone, nothing unpublished: refused
    [100, 70, 30, false], // 30 unpublished and 30 gone: fine
    [12, 0, 0, true], // an empty answer from the API
  ])('live %i → %i with %i reported removals: refused = %s', (live, next, removals, refused) => {
    expect(dropVerdict(live, next, removals) !== undefined).toBe(refused);
  });
});

describe('the build queue', () => {
  test('a burst while a build runs becomes exactly one more build, with every reason', async () => {
    const runs: string[][] = [];
    let release: () => void = () => {};
    const queue = new BuildQueue({
      build: (reasons) => {
        runs.push(reasons);
        return new Promise((resolve) => {
          release = () => resolve(true);
        });
      },
    });
    queue.request('first');
    for (let i = 0; i < 50; i += 1) queue.request(`burst ${i}`);
    expect(queue.running && queue.queued).toBe(true);
    release();
    await new Promise((resolve) => setTimeout(resolve, 10));
    release();
    await queue.idle();
    expect(runs).toHaveLength(2);
    expect(runs[1]).toHaveLength(50);
  });

  test('a failed build is retried after a pause that doubles', async () => {
    const started: number[] = [];
    const queue = new BuildQueue({
      build: async () => {
        started.push(Date.now());
        return started.length >= 3;
      },
      retryDelaysMs: { first: 40, max: 1_000 },
    });
    queue.request('x');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(started).toHaveLength(3);
    const [a = 0, b = 0, c = 0] = started;
    expect(b - a).toBeGreaterThanOrEqual(35);
    expect(c - b).toBeGreaterThanOrEqual(75);
    expect(queue.failures).toBe(0);
    queue.stop();
  });
});
