import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { LOCALES, noticePath } from '@tablica/shared';
import * as pagefind from 'pagefind';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { filesOfBuild } from '../../site/scripts/build-files.ts';
import { linkAll } from '../../site/scripts/reuse-unchanged.ts';
import { buildSearchIndex } from '../../site/scripts/search-index.ts';
import { linkPreviousSearchIndex } from '../../site/scripts/search-index-later.ts';
import { SEARCH_INDEX_RECORD } from '../../site/scripts/search-index-reuse.ts';
import { noticesPerSearchIndexPart } from '../../site/scripts/search-index-setting.ts';
import { SEARCH_INDEX_PARTS_FILE, type SearchIndexParts } from '../../site/src/lib/search-index-parts.ts';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { type StaticServer, serveDirectory } from '../support/static-server.ts';
import { demoSnapshot } from './demo-content.ts';

const site = inject('demoSite');
const scratch = mkdtempSync(path.join(tmpdir(), 'tablica-search-'));

const filesOf = (root: string) => filesOfBuild(root).sort();

/**
 * The index Pagefind makes when it reads every notice page of the site itself, in every language:
 * what the site's index was before the build began to sort out the pages leading to an original
 * (scripts/search-index.ts). The folders come from the pages' own addresses. Pagefind reads them
 * as the filesystem lists them, so they are linked in sorted order first, as the build does: in
 * the order Astro wrote them, on a filesystem that lists files in the order they were made (tmpfs,
 * btrfs) the same pages are another index's bytes.
 */
async function indexOfEveryNoticePage(outputPath: string) {
  const folders = LOCALES.map((locale) => noticePath('-', locale).slice(1, -3));
  const reading = path.join(scratch, 'every-notice-page');
  linkAll(
    filesOf(site).filter((file) => folders.some((folder) => file.startsWith(`${folder}/`)) && file.endsWith('.html')),
    site,
    reading,
  );
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error('Pagefind did not start');
  try {
    await index.addDirectory({ path: reading, glob: `{${folders.join(',')}}/**/*.html` });
    await index.writeFiles({ outputPath });
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}

describe('the search index', () => {
  test('holds every notice in each language it is written in, and nothing else', () => {
    const entry = JSON.parse(readFileSync(path.join(site, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const written = demoSnapshot().notices;
    for (const locale of LOCALES) {
      const inLanguage = written.filter((notice) => notice.locale === locale).length;
      expect(inLanguage, `demo notices written in ${locale}`).toBeGreaterThan(0);
      expect(entry.languages[locale]?.page_count, locale).toBe(inLanguage);
    }
  });

  test('is, byte for byte, the index Pagefind makes reading every notice page itself', async () => {
    const reference = path.join(scratch, 'reference');
    await indexOfEveryNoticePage(reference);
    const built = path.join(site, 'pagefind');
    // Pagefind's files; the list of other parts (an empty list here) and the record of what the
    // parts were made from are the build's own.
    const pagefindFiles = filesOf(built).filter(
      (file) => file !== SEARCH_INDEX_PARTS_FILE && file !== SEARCH_INDEX_RECORD,
    );
    expect(pagefindFiles).toEqual(filesOf(reference));
    const differing = pagefindFiles.filter(
      (file) => !readFileSync(path.join(built, file)).equals(readFileSync(path.join(reference, file))),
    );
    expect(differing).toEqual([]);
  });
});

describe("a build going live with the live build's index (search index later)", () => {
  test('an index from before indexes came in parts is told to the search page as one part, the live build untouched', () => {
    const live = path.join(scratch, 'live-before-parts');
    execFileSync('cp', ['-al', site, live]);
    rmSync(path.join(live, 'pagefind', SEARCH_INDEX_PARTS_FILE));
    const next = path.join(scratch, 'next');
    expect(linkPreviousSearchIndex(next, live)).toBe(true);
    expect(JSON.parse(readFileSync(path.join(next, 'pagefind', SEARCH_INDEX_PARTS_FILE), 'utf8'))).toEqual({
      parts: [],
    });
    expect(existsSync(path.join(live, 'pagefind', SEARCH_INDEX_PARTS_FILE))).toBe(false);
  });
});

/** The addresses of the pages an index (one folder of it) holds, read from its fragments. */
function pagesIn(indexFolder: string): string[] {
  return readdirSync(path.join(indexFolder, 'fragment')).map((file) => {
    const fragment = gunzipSync(readFileSync(path.join(indexFolder, 'fragment', file))).toString('utf8');
    return (JSON.parse(fragment.replace(/^pagefind_dcd/, '')) as { url: string }).url;
  });
}

/** The language counts of one folder of an index. */
const languagesIn = (indexFolder: string) =>
  (
    JSON.parse(readFileSync(path.join(indexFolder, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    }
  ).languages;

// The demo's 8 Polish notices, as an archive too large for one index would be: in parts of at most 3.
describe('an archive indexed in parts (as one too large for one Pagefind process is)', () => {
  const split = path.join(scratch, 'split');
  const partsOf = () =>
    (JSON.parse(readFileSync(path.join(split, 'pagefind', SEARCH_INDEX_PARTS_FILE), 'utf8')) as SearchIndexParts).parts;

  let browser: Browser | undefined;
  let whole: StaticServer;
  let inParts: StaticServer;

  beforeAll(async () => {
    // The demo site, its files linked, with an index of its own.
    execFileSync('cp', ['-al', site, split]);
    rmSync(path.join(split, 'pagefind'), { recursive: true });
    await buildSearchIndex(split, { noticesPerPart: 3 });
    if (!hasChromium) return;
    [browser, whole, inParts] = await Promise.all([launchChromium(), serveDirectory(site), serveDirectory(split)]);
  });
  afterAll(async () => {
    await browser?.close();
    await whole?.close();
    await inParts?.close();
  });

  test('the part size is 5,000 notices unless set; a setting that is not a whole number is refused, naming it', () => {
    expect(noticesPerSearchIndexPart({})).toBe(5_000);
    expect(noticesPerSearchIndexPart({ TABLICA_SEARCH_INDEX_PART_NOTICES: '2500' })).toBe(2500);
    for (const wrong of ['0', '-1', '2.5', 'dużo'])
      expect(() => noticesPerSearchIndexPart({ TABLICA_SEARCH_INDEX_PART_NOTICES: wrong })).toThrow(
        `TABLICA_SEARCH_INDEX_PART_NOTICES must be a whole number of notices above 0 (such as 5000), not "${wrong}"`,
      );
  });

  test('the one-index site lists no other parts', () => {
    expect(JSON.parse(readFileSync(path.join(site, 'pagefind', SEARCH_INDEX_PARTS_FILE), 'utf8'))).toEqual({
      parts: [],
    });
  });

  test('every notice is in exactly one part, in all its languages, and the parts hold what one index does', () => {
    const folders = [path.join(split, 'pagefind'), ...partsOf().map((part) => path.join(split, 'pagefind', part))];
    expect(folders).toHaveLength(3);
    const partOfPage = new Map<string, number>();
    for (const [number, folder] of folders.entries())
      for (const url of pagesIn(folder)) {
        expect(partOfPage.has(url), `${url} is in more than one part`).toBe(false);
        partOfPage.set(url, number);
      }
    expect(new Set(partOfPage.keys())).toEqual(new Set(pagesIn(path.join(site, 'pagefind'))));
    for (const notice of demoSnapshot().notices) {
      const original = partOfPage.get(noticePath(notice.slug, 'pl'));
      expect(original, notice.slug).toBeDefined();
      expect(partOfPage.get(noticePath(notice.slug, notice.locale)), `${notice.slug} (${notice.locale})`).toBe(
        original,
      );
    }
    for (const locale of LOCALES) {
      const counted = folders.reduce((sum, folder) => sum + (languagesIn(folder)[locale]?.page_count ?? 0), 0);
      expect(counted, locale).toBe(languagesIn(path.join(site, 'pagefind'))[locale]?.page_count);
    }
  });

  test('made again from the same pages, each part is linked from the index before; the lists are written afresh', async () => {
    const again = path.join(scratch, 'split-again');
    execFileSync('cp', ['-al', site, again]);
    rmSync(path.join(again, 'pagefind'), { recursive: true });
    expect(await buildSearchIndex(again, { noticesPerPart: 3, previous: split })).toEqual({
      pages: 0,
      parts: 3,
      reused: 3,
    });
    const [before, after] = [path.join(split, 'pagefind'), path.join(again, 'pagefind')];
    expect(filesOf(after)).toEqual(filesOf(before));
    const lists = [SEARCH_INDEX_PARTS_FILE, SEARCH_INDEX_RECORD];
    for (const file of filesOf(after)) {
      const [was, is] = [statSync(path.join(before, file)), statSync(path.join(after, file))];
      // Written into a link, a list would change the index before, which a live build may serve.
      expect(is.ino === was.ino, file).toBe(!lists.includes(file));
      expect(readFileSync(path.join(after, file)).equals(readFileSync(path.join(before, file))), file).toBe(true);
    }
  });

  describe.skipIf(!hasChromium)('searched in Chromium', () => {
    /** The results' addresses for a search on a site's search page, failing on any error the page logs. */
    async function resultsOf(server: StaticServer, searchPage: string, query: string): Promise<string[]> {
      if (!browser) throw new Error('no browser');
      const context = await browser.newContext();
      const page: Page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(`${server.url}${searchPage}?q=${encodeURIComponent(query)}`);
      const status = page.locator('[data-search-status]');
      await expect.poll(() => status.textContent(), { timeout: 10_000 }).not.toBe('');
      const hrefs = await page
        .locator('[data-search-results] a')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
      expect(problems, `${searchPage}?q=${query}`).toEqual([]);
      await context.close();
      return hrefs.sort();
    }

    test('a search finds the same notices in every part as in one index, in each language', async () => {
      const searches: [string, string, string][] = [
        // The main index, the second part, and a translation in the third.
        ['/szukaj/', 'beczkowozy', 'awaria-wodociagu-ul-lipowa'],
        ['/szukaj/', 'pływalnia', 'zamkniecie-plywalni-przedluzone'],
        ['/en/search/', 'vaccination', 'szczepienia-przeciw-grypie-zmiana-godzin'],
      ];
      for (const [searchPage, query, expected] of searches) {
        const found = await resultsOf(inParts, searchPage, query);
        expect(found.join(' '), query).toContain(expected);
        expect(found, query).toEqual(await resultsOf(whole, searchPage, query));
      }
    });
  });
});

beforeAll(() => {
  if (!site) throw new Error('the demo site was not built (tests/site/global-setup.ts)');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
