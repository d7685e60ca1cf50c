import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '@tablica/shared';
import * as pagefind from 'pagefind';
import { readPageKeys } from '../src/lib/incremental/page-keys-file.ts';
import { routes } from '../src/lib/routes.ts';
import {
  partFolder,
  SEARCH_INDEX_DIRECTORY,
  SEARCH_INDEX_PARTS_FILE,
  type SearchIndexParts,
  searchIndexParts,
} from '../src/lib/search-index-parts.ts';
import { allocatorDefaults, PAGEFIND_ALLOCATOR } from './allocator-settings.ts';
import { filesOfBuild } from './build-files.ts';
import { linkAll } from './reuse-unchanged.ts';
import { linkIndexPart, partPath, partsToMake, writeSearchIndexRecord } from './search-index-reuse.ts';
import { noticesPerSearchIndexPart } from './search-index-setting.ts';

/** What marks the part of a page Pagefind indexes; a page without it is not indexed at all. */
const INDEXED_PART = 'data-pagefind-body';

/** The folder of a language's notice pages, relative to the build's root (`komunikaty`, `en/notices`). */
const noticesFolder = (locale: Locale) => routes.notice('-', locale).slice(1, -3);

/** Every HTML file under a folder of the build, relative to that folder (none if it has no such folder). */
function htmlFilesUnder(siteDir: string, folder: string): string[] {
  const directory = path.join(siteDir, folder);
  return existsSync(directory)
    ? filesOfBuild(directory)
        .filter((file) => file.endsWith('.html'))
        .sort()
    : [];
}

/** A path as a glob that matches it alone. */
const globOf = (file: string) => file.replace(/[\\{}[\]*?,!]/g, (special) => `\\${special}`);

/** A language's notice pages to index: its folder, and the files in it. */
interface PagesToIndex {
  folder: string;
  files: string[];
}

/** The notice a page belongs to: its folder (`zamkniecie-plywalni/index.html`). */
const noticeFolderOf = (file: string) => file.split('/')[0] as string;

/** Adds the files that match a glob under `root`; how many pages that indexed. */
async function addFiles(index: pagefind.PagefindIndex, root: string, glob: string): Promise<number> {
  const added = await index.addDirectory({ path: root, glob });
  if (added.errors.length > 0) throw new Error(`Tablica: Pagefind: ${added.errors.join('; ')}`);
  return added.page_count;
}

/**
 * The notice pages to index, by language (relative to the build's root), and no others: only they
 * carry `data-pagefind-body`, and reading just their folders spares Pagefind the time and memory
 * of parsing every list, embed and institution page for nothing. Every notice is written in the
 * default language. In the other languages most addresses are the short pages leading to the
 * original (a notice without a translation), which carry no indexed part: Pagefind would read and
 * parse them all to index nothing (two thirds of its files, a fifth of its time and 200 MB of its
 * memory at 10,000 Polish-only notices). Those are sorted out here, by the same mark Pagefind
 * looks for.
 */
function noticePages(siteDir: string): { folder: string; files: string[] }[] {
  // The default language first.
  const languages: Locale[] = [DEFAULT_LOCALE, ...LOCALES.filter((locale) => locale !== DEFAULT_LOCALE)];
  return languages.map((locale) => {
    const folder = noticesFolder(locale);
    const files = htmlFilesUnder(siteDir, folder);
    return {
      folder,
      files:
        locale === DEFAULT_LOCALE
          ? files
          : files.filter((file) => readFileSync(path.join(siteDir, folder, file), 'utf8').includes(INDEXED_PART)),
    };
  });
}

/**
 * Hard-links the pages Pagefind is to read into a folder of their own beside the build (the same
 * filesystem), as they are laid out in the build (Pagefind takes a page's address from its path),
 * each language's in sorted order. Pagefind numbers a folder's pages in the order the filesystem
 * lists them, which is the order they were made in on tmpfs or btrfs (a hash of the name on ext4):
 * there an incremental build, whose pages are linked and written in another order than a full
 * build's, made another index of the same pages (tests/site/incremental-build.test.ts failed with
 * its scratch on a RAM disk). Linked in one order, the same pages make the same index. The folder
 * holds those pages only, so Pagefind reads each language's whole folder: no page leading to an
 * untranslated original, no list, is read for nothing.
 */
function linkPagesToRead(siteDir: string, languages: PagesToIndex[]): string {
  const reading = mkdtempSync(path.join(path.dirname(siteDir), '.tablica-search-pages-'));
  for (const { folder, files } of languages)
    linkAll(
      files.map((file) => path.join(folder, file)),
      siteDir,
      reading,
    );
  return reading;
}

/**
 * Writes one Pagefind index of `pages` into `outputPath`; how many pages it holds. Each language's
 * pages go in one call, the default language's first: Pagefind numbers a call's pages itself, and
 * pages added over several calls, or given as contents, made an index of other bytes than Pagefind
 * reading every notice page (tests/site/search-index.test.ts compares the two).
 */
async function writeIndex(siteDir: string, pages: PagesToIndex[], outputPath: string): Promise<number> {
  // Pagefind's process inherits this one's environment: its library takes no other.
  Object.assign(process.env, allocatorDefaults(process.env, PAGEFIND_ALLOCATOR));
  const reading = linkPagesToRead(siteDir, pages);
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Tablica: Pagefind could not start: ${errors.join('; ')}`);
    try {
      let count = 0;
      for (const { folder, files } of pages) {
        if (files.length === 0) continue;
        count += await addFiles(index, reading, `${globOf(folder)}/**/*.html`);
      }
      const written = await index.writeFiles({ outputPath });
      if (written.errors.length > 0) throw new Error(`Tablica: Pagefind: ${written.errors.join('; ')}`);
      return count;
    } finally {
      await index.deleteIndex();
      // Its own process per index: closed, Pagefind gives its memory back before the next part.
      await pagefind.close();
    }
  } finally {
    rmSync(reading, { recursive: true, force: true });
  }
}

/** What building a search index did. */
export interface SearchIndexMade {
  /** The pages Pagefind read: those of the parts it made. */
  pages: number;
  /** The parts of the index. */
  parts: number;
  /** Of them, those linked from the previous index (unchanged since it was made). */
  reused: number;
}

/** What the build says of its index: "search index: 5012 pages read in 6120 ms (1 of 2 part(s) made; 1 unchanged, linked)". */
export function searchIndexMade({ pages, parts, reused }: SearchIndexMade, ms: number): string {
  const reuse = reused > 0 ? `; ${reused} unchanged, linked` : '';
  return `search index: ${pages} pages read in ${Math.round(ms)} ms (${parts - reused} of ${parts} part(s) made${reuse})`;
}

/**
 * Builds the Pagefind search index of a built site: one index per `<html lang>`, of the parts
 * marked `data-pagefind-body` (the notices themselves, not the site's frame or lists). It runs
 * after `astro build` has exited, so the two never hold their memory at the same time.
 *
 * Pagefind holds a whole index in memory while it writes it: 985 MB at 10,000 notices (850–890
 * with allocator-settings.ts), 2.4 GB at 30,000, past the 2 GB a process of the publish path may
 * take (and past what some machines have).
 * So an archive of more than `noticesPerPart` notices is indexed in parts (searchIndexParts), each
 * by a Pagefind process of its own, one after the other; the search page merges them (Pagefind's
 * own multi-index search, search-client.ts). A notice's pages in every language are in one part.
 *
 * Pagefind has no incremental mode, but parts are one: with `previous` (a build whose index is
 * the one before), a part whose notices and their keys are all unchanged is linked from it, and
 * only the others are made (search-index-reuse.ts). A publish changes one part: at 10,000
 * notices in two parts, half of Pagefind's time and memory.
 */
export async function buildSearchIndex(
  siteDir: string,
  {
    noticesPerPart = noticesPerSearchIndexPart(),
    previous,
  }: { noticesPerPart?: number; previous?: string | undefined } = {},
): Promise<SearchIndexMade> {
  const languages = noticePages(siteDir);
  const outputPath = path.join(siteDir, SEARCH_INDEX_DIRECTORY);
  const notices = [...new Set(languages[0]?.files.map(noticeFolderOf))].sort();
  const parts = searchIndexParts(notices, noticesPerPart);
  const made = partsToMake(parts, readPageKeys(siteDir), previous);
  let pages = 0;
  for (const [number, part] of made.entries()) {
    const folder = partPath(outputPath, number);
    if (part.linkFrom) {
      linkIndexPart(part.linkFrom, folder);
      continue;
    }
    const inPart = new Set(parts[number]);
    pages += await writeIndex(
      siteDir,
      languages.map(({ folder: languageFolder, files }) => ({
        folder: languageFolder,
        files: files.filter((file) => inPart.has(noticeFolderOf(file))),
      })),
      folder,
    );
  }
  writePartList(
    outputPath,
    parts.slice(1).map((_, number) => `${partFolder(number + 1)}/`),
  );
  writeSearchIndexRecord(outputPath, made);
  return { pages, parts: made.length, reused: made.filter((part) => part.linkFrom).length };
}

/** Writes the list of an index's other parts into its folder (search-index-parts.ts). */
function writePartList(indexFolder: string, parts: string[]): void {
  const list: SearchIndexParts = { parts };
  writeFileSync(path.join(indexFolder, SEARCH_INDEX_PARTS_FILE), `${JSON.stringify(list)}\n`);
}

/** Says that an index is all in one part: one built before indexes came in parts. */
export const writeOnePartList = (indexFolder: string) => writePartList(indexFolder, []);
