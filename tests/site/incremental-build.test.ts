import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateInstitutions, generateNotices, loadSnapshot, resolveRelativeDates } from '@tablica/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SEARCH_INDEX_RECORD } from '../../site/scripts/search-index-reuse.ts';
import { noticeKey } from '../../site/src/lib/incremental/page-keys.ts';
import { readPageKeys } from '../../site/src/lib/incremental/page-keys-file.ts';
import { SEARCH_INDEX_PARTS_FILE } from '../../site/src/lib/search-index-parts.ts';
import { siteContentOf } from '../../site/src/lib/site-content-of.ts';
import { demoSnapshotRaw } from '../fixtures/demo-snapshot.ts';
import { scratchOnAnotherFilesystem } from '../support/other-filesystem.ts';
import { buildSiteFromSnapshot, SITE_DIR, type SiteBuild } from '../support/site-build.ts';

const SEARCH_INDEX_LATER = path.join(SITE_DIR, 'scripts/search-index-later.ts');

/**
 * Every build of this file (and its snapshots, copies and spares) on another filesystem than the
 * code, on any machine: a filesystem that lists files in the order they were made (tmpfs, as a RAM
 * disk) showed an incremental build's search index differing from the full build's, where ext4's
 * hash order hid it (scripts/search-index.ts). Each test file runs in a process of its own.
 */
const scratch = scratchOnAnotherFilesystem('tablica-incremental-');
process.env.TMPDIR = scratch;
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * Issue 18, item 1: a publish renders what it changed and links the rest from the live build.
 * A key that misses an input would leave a stale page live, so after each kind of change the
 * site is built both ways — incrementally from the previous build, and in full — and every file
 * of the two must be the same, byte for byte. Each incremental build starts from the previous
 * incremental one, as the publisher's do.
 */
const HOUR = 3_600_000;
/**
 * The search index in parts of about 20 notices (68 notices: four parts), as a large archive's
 * is: a build made from the previous one makes again only the parts whose notices changed
 * (scripts/search-index-reuse.ts), and must still be the full build's, byte for byte.
 */
const IN_PARTS = { TABLICA_SEARCH_INDEX_PART_NOTICES: '20' };
/** What the build says when the read-ahead's site key differs from the base's (scripts/build.ts). */
const EVERYTHING_AGAIN = "the site's key changed: every page is rendered again";
const now0 = new Date(Date.UTC(2026, 2, 10, 9, 0));
type Raw = ReturnType<typeof demoSnapshotRaw>;
type Entry = Raw['notices'][number];

// Absolute dates, so that moving "now" moves time past the notices, not the notices with it. And
// 60 more notices, so that the lists have pages that shift, or not, when one notice changes.
const start = resolveRelativeDates(demoSnapshotRaw(), now0) as Raw;
start.institutions.push(...(generateInstitutions(3) as unknown as Entry[]));
start.notices.push(...(generateNotices(60, 7, { now: now0, institutions: 3 }) as unknown as Entry[]));

function filesOf(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(path.join(root, name)).isFile())
    .sort();
}

/** Directories too: an empty one left where a deleted notice's page was answers 403, not 404, behind nginx. */
const directoriesOf = (root: string) =>
  readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((name) => statSync(path.join(root, name)).isDirectory())
    .map((name) => `${name}/`);

/** The files that differ between two builds, or are in one only (empty: the same site). */
function differences(a: string, b: string): string[] {
  const left = [...filesOf(a), ...directoriesOf(a)];
  const right = [...filesOf(b), ...directoriesOf(b)];
  const onlyOne = [
    ...left.filter((file) => !right.includes(file)).map((file) => `only in the incremental build: ${file}`),
    ...right.filter((file) => !left.includes(file)).map((file) => `only in the full build: ${file}`),
  ];
  const changed = left
    .filter((file) => right.includes(file) && !file.endsWith('/'))
    .filter((file) => !readFileSync(path.join(a, file)).equals(readFileSync(path.join(b, file))))
    .map((file) => `differs: ${file}`);
  return [...onlyOne, ...changed];
}

/**
 * Every notice's key in a build's keys file. The build script's read-ahead worker works them out
 * and hands them to Astro (loaders/notice-keys-ahead.ts); they must be those of the content and
 * the instant the pages were rendered from, or a changed notice could keep its old key.
 */
function noticeKeysIn(build: SiteBuild, slugs: string[]): Record<string, string | undefined> {
  const keys = readPageKeys(build.outDir);
  return Object.fromEntries(slugs.map((slug) => [slug, keys?.parts[slug]?.key]));
}

/** The same keys as the site's own code makes them, here, from the same snapshot at the same instant. */
function noticeKeysFrom(raw: Raw, now: Date): Record<string, string | undefined> {
  const content = siteContentOf(loadSnapshot(raw, { now }), {
    baseUrl: undefined,
    now,
    subscriptions: false,
    websubHubs: [],
  });
  return Object.fromEntries(content.slugs.map((slug) => [slug, noticeKey(content, slug)]));
}

const linkedFiles = (build: SiteBuild) => Number(/(\d+) file\(s\) linked from/.exec(build.output)?.[1] ?? 0);
const renderedPages = (build: SiteBuild) => Number(/(\d+) page\(s\) built in/.exec(build.output)?.[1] ?? Number.NaN);

const notice = (raw: Raw, slug: string, locale = 'pl'): Entry => {
  const found = raw.notices.find((entry) => entry.slug === slug && (entry.locale ?? 'pl') === locale);
  if (!found) throw new Error(`no ${slug} (${locale}) in the demo`);
  return found;
};
const edited = (entry: Entry, changes: Record<string, unknown>) =>
  Object.assign(entry, changes, { revision: Number(entry.revision ?? 1) + 1, updatedAt: new Date().toISOString() });

interface Step {
  what: string;
  change: (raw: Raw) => void;
  now: Date;
  /** Files of parts the change left alone (linked from the previous build) and of parts it touched (rendered). */
  expect?: { linked: string[]; rendered: string[] };
  /** Files the site has, or no longer has, after the change: what makes the step the case it names. */
  site?: { has?: string[]; lacks?: string[] };
}

/**
 * A chain of replacements, S ← T ← U: S and T long over, U current. U's CAP messages are news,
 * and the chain is followed back, so S's and T's messages stay available (an Update names them).
 * Once U is gone, S's messages go too, though nothing about S or the notice that replaced it
 * changed: the files of a notice that hang on other notices are listed in every build.
 */
const CHAIN = ['lancuch-zastapien-1', 'lancuch-zastapien-2', 'lancuch-zastapien-3'] as const;
function addChain(raw: Raw) {
  const template = raw.notices.find((entry) => entry.institution === 'inst-1');
  if (!template) throw new Error('no generated notice of inst-1');
  const periods = [
    ['2025-11-03T08:00:00.000Z', '2025-12-01T16:00:00.000Z'],
    ['2025-12-01T16:00:00.000Z', '2026-01-09T16:00:00.000Z'],
    ['2026-01-09T16:00:00.000Z', '2026-12-31T16:00:00.000Z'],
  ];
  CHAIN.forEach((slug, index) => {
    const [effectiveFrom, effectiveUntil] = periods[index] ?? [];
    raw.notices.push({
      ...structuredClone(template),
      slug,
      title: `Łańcuch zastąpień, komunikat ${index + 1}`,
      category: 'other',
      revision: 1,
      effectiveFrom,
      effectiveUntil,
      ...(index > 0 ? { supersedes: CHAIN[index - 1] } : {}),
    });
  });
}

/** An institution's own files and its category's feed: what one notice's change renders beyond its own pages. */
const groupFiles = (institution: string, category: string) => [
  `instytucje/${institution}/index.html`,
  `en/institutions/${institution}/index.html`,
  `embed/${institution}/index.html`,
  `uk/embed/${institution}/index.html`,
  `instytucje/${institution}/rss.xml`,
  `instytucje/${institution}/feed.json`,
  `calendar/institution/${institution}.ics`,
  `kategorie/${category}/rss.xml`,
  `kategorie/${category}/feed.json`,
];
const sameInode = (a: string, b: string, file: string) =>
  statSync(path.join(a, file)).ino === statSync(path.join(b, file)).ino;

/**
 * The publisher's search index after going live: `from`'s site indexed into a copy at `outDir`,
 * taking over `recycle` (an older build) when given, with the index in parts of 20.
 */
const indexLater = (from: string, outDir: string, recycle?: string) =>
  spawnSync(
    process.execPath,
    [SEARCH_INDEX_LATER, '--from', from, '--outDir', outDir, ...(recycle ? ['--recycle', recycle] : [])],
    { cwd: SITE_DIR, encoding: 'utf8', env: { ...process.env, ...IN_PARTS } },
  );

/** What a build said of its search index: parts in all, made by Pagefind, linked from the previous index. */
function indexMade(output: string): { parts: number; made: number; linked: number } {
  const said = /(\d+) of (\d+) part\(s\) made(?:; (\d+) unchanged, linked)?/.exec(output);
  if (!said) throw new Error(`no search index made in:\n${output}`);
  return { made: Number(said[1]), parts: Number(said[2]), linked: Number(said[3] ?? 0) };
}

/** The Pagefind files of each part of a build's index: the main index's without the other parts and the lists. */
function indexPartFiles(build: string): string[][] {
  const index = path.join(build, 'pagefind');
  const files = filesOf(index);
  const { parts } = JSON.parse(readFileSync(path.join(index, SEARCH_INDEX_PARTS_FILE), 'utf8')) as { parts: string[] };
  const lists = [SEARCH_INDEX_PARTS_FILE, SEARCH_INDEX_RECORD];
  return ['', ...parts].map((folder) =>
    files.filter((file) => (folder ? file.startsWith(folder) : !/^part-\d+\//.test(file) && !lists.includes(file))),
  );
}

const STEPS: Step[] = [
  {
    what: 'a translation edited, a notice added, a notice deleted',
    now: now0,
    change: (raw) => {
      addChain(raw);
      edited(notice(raw, 'szczepienia-przeciw-grypie-zmiana-godzin', 'en'), { title: 'Flu jabs: new opening hours' });
      raw.notices.push({
        ...structuredClone(notice(raw, 'bieg-uliczny-utrudnienia-w-ruchu')),
        slug: 'nowy-komunikat-o-utrudnieniach',
        title: 'Nowy komunikat o utrudnieniach',
      });
      raw.notices = raw.notices.filter((entry) => entry.slug !== 'przerwa-w-pracy-kasy-urzedu');
    },
    // The water company and the safety category have none of these notices; the clinic's and
    // the health category's feeds list the edited one.
    expect: {
      linked: [...groupFiles('pwik-brzozow', 'safety'), 'og/instytucje/przychodnia-brzozow.png'],
      rendered: groupFiles('przychodnia-brzozow', 'health'),
    },
    site: { has: ['cap/lancuch-zastapien-1/v1.xml', 'cap/lancuch-zastapien-3/v1.xml'] },
  },
  {
    what: 'a notice replaced by a new one, and one turned into an exercise',
    now: now0,
    change: (raw) => {
      raw.notices.push({
        ...structuredClone(notice(raw, 'filia-biblioteki-nr-3-zamknieta')),
        slug: 'filia-biblioteki-nr-3-otwarta',
        title: 'Filia biblioteki nr 3 znów otwarta',
        supersedes: 'filia-biblioteki-nr-3-zamknieta',
      });
      edited(notice(raw, 'bieg-uliczny-utrudnienia-w-ruchu'), { messageStatus: 'exercise' });
    },
  },
  {
    what: 'time passes: a notice ends and stops being news, a suspension period begins, nothing edited',
    now: new Date(now0.getTime() + 40 * 24 * HOUR),
    change: () => {},
  },
  {
    what: 'a notice moved to another institution and category, and the newest of a chain of replacements deleted',
    now: new Date(now0.getTime() + 40 * 24 * HOUR),
    change: (raw) => {
      for (const locale of ['pl', 'uk']) {
        edited(notice(raw, 'awaria-wodociagu-ul-lipowa', locale), { institution: 'mosir-brzozow', category: 'other' });
      }
      raw.notices = raw.notices.filter((entry) => entry.slug !== CHAIN[2]);
    },
    site: {
      has: ['komunikaty/lancuch-zastapien-1/index.html'],
      lacks: ['cap/lancuch-zastapien-1/v1.xml', 'cap/lancuch-zastapien-2/v1.xml'],
    },
    expect: {
      linked: groupFiles('mbp-brzozow', 'health'),
      rendered: [...groupFiles('pwik-brzozow', 'safety'), ...groupFiles('mosir-brzozow', 'other')],
    },
  },
  {
    what: 'an institution renamed (every page names institutions: all rendered again)',
    now: new Date(now0.getTime() + 40 * 24 * HOUR),
    change: (raw) => {
      const institution = raw.institutions[0] as Entry;
      institution.name = `${String(institution.name)} (nowa nazwa)`;
    },
  },
];

describe('an incremental build is the same site as a full build', () => {
  const raw = structuredClone(start);
  let previous: SiteBuild;
  /** Builds no longer needed, as the publisher's pruned ones are: the next build takes one over (--recycle). */
  const spares: string[] = [];
  /** The last test's builds: one that went live with a stale index, and its copy with a fresh one. */
  let staleIndex: SiteBuild | undefined;
  let indexedCopy: string | undefined;
  /** The last build indexed after a publish that rendered every page again: its index made whole. */
  let everythingIndexed: string | undefined;

  beforeAll(async () => {
    previous = await buildSiteFromSnapshot(raw, { ...IN_PARTS, TABLICA_NOW: now0.toISOString() });
    if (!previous.ok) throw new Error(previous.output);
  });

  test.each(STEPS.map((step, index) => ({ ...step, index })))(
    'after $what',
    async ({ change, now, index, expect: parts, site }) => {
      change(raw);
      const env = { ...IN_PARTS, TABLICA_NOW: now.toISOString() };
      const full = await buildSiteFromSnapshot(raw, env);
      expect(full.ok, full.output).toBe(true);
      // The index is in parts here, each made by Pagefind in a full build.
      const { parts: indexParts, made } = indexMade(full.output);
      expect(indexParts).toBeGreaterThanOrEqual(3);
      expect(made).toBe(indexParts);
      for (const file of site?.has ?? []) expect(existsSync(path.join(full.outDir, file)), file).toBe(true);
      for (const file of site?.lacks ?? []) expect(existsSync(path.join(full.outDir, file)), file).toBe(false);
      // From the second step on, an older build is taken over: first a full build (none of its
      // files are the base's), then incremental ones (most are), as the publisher's spares are.
      const recycle = index > 0 ? spares.shift() : undefined;
      const incremental = await buildSiteFromSnapshot(raw, env, { incrementalFrom: previous.outDir, recycle });
      expect(incremental.ok, incremental.output).toBe(true);
      if (index === 0) spares.push(full.outDir);

      expect(differences(incremental.outDir, full.outDir)).toEqual([]);
      expect(incremental.output).toContain('notice keys and short codes: worked out ahead of Astro');
      const expected = noticeKeysFrom(raw, now);
      expect(noticeKeysIn(incremental, Object.keys(expected))).toEqual(expected);
      // Taken over, except by a build that renders every page again (it is left for the next).
      const rendersEverything = index === STEPS.length - 1;
      if (recycle) expect(existsSync(recycle), 'the recycled build is gone if taken over').toBe(rendersEverything);
      const inPlace = Number(/(\d+) already in place/.exec(incremental.output)?.[1] ?? Number.NaN);
      // A full build shares no file with the base; an older incremental one most of them.
      if (index === 1) expect(inPlace).toBe(0);
      else if (index > 1 && index < STEPS.length - 1) expect(inPlace).toBeGreaterThan(20);
      if (!rendersEverything) {
        // It did reuse: unchanged notices' pages were linked, not rendered.
        expect(incremental.output).not.toContain(EVERYTHING_AGAIN);
        expect(incremental.output).toMatch(/incremental build: [1-9]\d* unchanged part/);
        expect(linkedFiles(incremental)).toBeGreaterThan(20);
        expect(renderedPages(incremental)).toBeLessThan(renderedPages(full));
        for (const file of parts?.linked ?? []) {
          expect(sameInode(incremental.outDir, previous.outDir, file), `${file} linked`).toBe(true);
        }
        for (const file of parts?.rendered ?? []) {
          expect(sameInode(incremental.outDir, previous.outDir, file), `${file} rendered`).toBe(false);
        }
      } else {
        // New institution names are on every page: nothing may be reused, nor linked beside Astro
        // (the read-ahead's key said so before it).
        expect(incremental.output).toContain(EVERYTHING_AGAIN);
        expect(incremental.output).toContain('full build: the code, settings, institutions or options changed');
      }
      spares.push(previous.outDir);
      previous = incremental;
    },
    240_000,
  );

  test('with the search index built after it went live, it is still the same site', async () => {
    edited(notice(raw, 'szczepienia-przeciw-grypie-zmiana-godzin'), { title: 'Szczepienia: godziny znowu zmienione' });
    const env = { ...IN_PARTS, TABLICA_NOW: now0.toISOString() };
    const full = await buildSiteFromSnapshot(raw, env);
    expect(full.ok, full.output).toBe(true);
    const deferred = await buildSiteFromSnapshot(raw, env, {
      incrementalFrom: previous.outDir,
      searchIndexLater: true,
    });
    expect(deferred.ok, deferred.output).toBe(true);
    // Live first with the previous build's index, marked stale…
    expect(deferred.output).toContain("search index: the previous build's, linked");
    const index = filesOf(path.join(previous.outDir, 'pagefind'));
    expect(index.length).toBeGreaterThan(5);
    for (const file of index) {
      expect(statSync(path.join(deferred.outDir, 'pagefind', file)).ino).toBe(
        statSync(path.join(previous.outDir, 'pagefind', file)).ino,
      );
    }
    expect(existsSync(path.join(deferred.outDir, '.tablica-search-index-stale'))).toBe(true);
    // …then indexed into a copy of itself: the full build's site, byte for byte.
    const indexed = mkdtempSync(path.join(tmpdir(), 'tablica-indexed-'));
    // The copy takes over an older build, as the publisher's does with its spare.
    const spare = spares.shift() ?? '';
    expect(existsSync(spare)).toBe(true);
    rmSync(indexed, { recursive: true });
    const run = indexLater(deferred.outDir, indexed, spare);
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(spare)).toBe(false);
    expect(differences(indexed, full.outDir)).toEqual([]);
    expect(differences(path.join(indexed, 'pagefind'), path.join(deferred.outDir, 'pagefind')).length).toBeGreaterThan(
      0,
    );
    staleIndex = deferred;
    indexedCopy = indexed;
  }, 240_000);

  // The publisher's spare is usually the build its search-index copy replaced: the next build
  // takes it over from its records (its keys and written files) instead of walking and comparing
  // every file. A spare that is not the base's copy (an older build) is read from its records too,
  // and its files compared: a record that missed a file would leave a stale page in the site.
  test('the next publishes take over spares from their records, and are still the same site', async () => {
    if (!staleIndex || !indexedCopy) throw new Error('the search-index test did not run');
    const env = { ...IN_PARTS, TABLICA_NOW: now0.toISOString() };
    const older = await buildSiteFromSnapshot(raw, env, { incrementalFrom: indexedCopy, searchIndexLater: true });
    expect(older.ok, older.output).toBe(true);
    edited(notice(raw, 'szczepienia-przeciw-grypie-zmiana-godzin'), {
      title: 'Szczepienia: godziny zmienione raz jeszcze',
    });
    // A notice deleted: the files it had outside its part (its short address) must go with it.
    const deleted = String(raw.notices.at(-1)?.slug);
    raw.notices = raw.notices.filter((entry) => entry.slug !== deleted);
    const full = await buildSiteFromSnapshot(raw, env);
    expect(full.ok, full.output).toBe(true);
    const recorded = (build: SiteBuild) =>
      Number(/(\d+) already in place in the recycled build, as its records said/.exec(build.output)?.[1] ?? Number.NaN);

    const next = await buildSiteFromSnapshot(raw, env, { incrementalFrom: indexedCopy, recycle: staleIndex.outDir });
    expect(next.ok, next.output).toBe(true);
    expect(recorded(next)).toBeGreaterThan(20);
    expect(differences(next.outDir, full.outDir)).toEqual([]);

    // The older spare still has the edited notice as it was; the base has it as it is now.
    const again = await buildSiteFromSnapshot(raw, env, { incrementalFrom: next.outDir, recycle: older.outDir });
    expect(again.ok, again.output).toBe(true);
    expect(recorded(again)).toBeGreaterThan(20);
    expect(existsSync(older.outDir)).toBe(false);
    expect(differences(again.outDir, full.outDir)).toEqual([]);
  }, 240_000);

  // An institution renamed from the admin is a publish an editor waits for: it renders every page
  // again, and goes live as soon as they are, with the search index to follow, as any publish does.
  test('a publish that renders everything again goes live with the previous index, then indexed is the full build', async () => {
    const institution = raw.institutions[1] as Entry;
    institution.name = `${String(institution.name)} (po zmianie)`;
    const env = { ...IN_PARTS, TABLICA_NOW: now0.toISOString() };
    const full = await buildSiteFromSnapshot(raw, env);
    expect(full.ok, full.output).toBe(true);
    // An older build to take over, as the publisher offers its spare: left for the next publish.
    const spare = path.join(mkdtempSync(path.join(tmpdir(), 'tablica-spare-')), 'site');
    cpSync(full.outDir, spare, { recursive: true });
    const deferred = await buildSiteFromSnapshot(raw, env, {
      incrementalFrom: previous.outDir,
      recycle: spare,
      searchIndexLater: true,
    });
    expect(deferred.ok, deferred.output).toBe(true);
    expect(deferred.output).toContain(EVERYTHING_AGAIN);
    expect(existsSync(path.join(spare, 'index.html')), 'the spare is left as it was').toBe(true);
    expect(deferred.output).toContain('full build: the code, settings, institutions or options changed');
    expect(deferred.output).toContain("search index: the previous build's, linked");
    expect(existsSync(path.join(deferred.outDir, '.tablica-search-index-stale'))).toBe(true);
    for (const file of filesOf(path.join(previous.outDir, 'pagefind'))) {
      expect(statSync(path.join(deferred.outDir, 'pagefind', file)).ino).toBe(
        statSync(path.join(previous.outDir, 'pagefind', file)).ino,
      );
    }
    const indexed = path.join(mkdtempSync(path.join(tmpdir(), 'tablica-indexed-')), 'site');
    const run = indexLater(deferred.outDir, indexed);
    expect(run.status, run.stderr).toBe(0);
    expect(differences(indexed, full.outDir)).toEqual([]);
    everythingIndexed = indexed;
  }, 240_000);

  // Pagefind has no incremental mode; an index in parts has one. The usual publish: one notice
  // edited, live with the previous index, then indexed.
  test('after one notice edited, only its part of the search index is made again, and it is still the same site', async () => {
    if (!everythingIndexed) throw new Error('the previous test did not run');
    edited(notice(raw, 'awaria-wodociagu-ul-lipowa'), { title: 'Awaria wodociągu usunięta' });
    const env = { ...IN_PARTS, TABLICA_NOW: now0.toISOString() };
    const full = await buildSiteFromSnapshot(raw, env);
    expect(full.ok, full.output).toBe(true);
    const deferred = await buildSiteFromSnapshot(raw, env, {
      incrementalFrom: everythingIndexed,
      searchIndexLater: true,
    });
    expect(deferred.ok, deferred.output).toBe(true);
    const indexed = path.join(mkdtempSync(path.join(tmpdir(), 'tablica-indexed-')), 'site');
    const run = indexLater(deferred.outDir, indexed);
    expect(run.status, run.stderr).toBe(0);
    expect(differences(indexed, full.outDir)).toEqual([]);
    // Every other part linked from the index the build went live with, the lists written afresh
    // (written into a link, they would change that build's).
    const { parts, made, linked } = indexMade(run.stdout);
    expect({ made, linked }).toEqual({ made: 1, linked: parts - 1 });
    const [before, after] = [path.join(deferred.outDir, 'pagefind'), path.join(indexed, 'pagefind')];
    const partsLinked = indexPartFiles(indexed).filter((files) =>
      files.every((file) => existsSync(path.join(before, file)) && sameInode(after, before, file)),
    );
    expect(partsLinked).toHaveLength(parts - 1);
    for (const list of [SEARCH_INDEX_PARTS_FILE, SEARCH_INDEX_RECORD])
      expect(sameInode(after, before, list)).toBe(false);
  }, 240_000);
});
