import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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

/** A file's path as a glob that matches it alone. */
const globOf = (file: string) => file.replace(/[\\{}[\]*?,!]/g, (special) => `\\${special}`);

/**
 * The most files one glob names. Pagefind compiles the glob into one pattern; past this many
 * translations in a language (when they are most of its addresses anyway), the language's whole
 * folder is given instead and Pagefind sorts its pages out itself, as before.
 */
const MOST_FILES_NAMED = 5000;

/** A language's notice pages, in its folder: all of them (`whole`), or the files named. */
interface PagesToIndex {
  folder: string;
  files: string[];
  whole: boolean;
}

/** The notice a page belongs to: its folder (`zamkniecie-plywalni/index.html`). */
const noticeFolderOf = (file: string) => file.split('/')[0] as string;

/** Adds the files that match a glob under the build's root; how many pages that indexed. */
async function addFiles(index: pagefind.PagefindIndex, siteDir: string, glob: string): Promise<number> {
  const added = await index.addDirectory({ path: siteDir, glob });
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
 * Adds a language's pages to the index: the whole folder, or the pages named. Each language's
 * pages go in one call, read by Pagefind itself: it numbers a call's pages in an order of its own,
 * and pages added over several calls, or given as contents, made an index of other bytes than
 * Pagefind reading every notice page (tests/site/search-index.test.ts compares the two). Only a
 * part of an index split in parts (whose bytes are compared with nothing) names more than
 * MOST_FILES_NAMED pages, over several calls.
 */
async function addPages(index: pagefind.PagefindIndex, siteDir: string, pages: PagesToIndex): Promise<number> {
  if (pages.whole) return addFiles(index, siteDir, `${globOf(pages.folder)}/**/*.html`);
  let added = 0;
  for (let start = 0; start < pages.files.length; start += MOST_FILES_NAMED) {
    const named = pages.files.slice(start, start + MOST_FILES_NAMED);
    // The folder before the braces: Pagefind walks what a glob starts with, and from the build's
    // root that was all 100,000 files.
    added += await addFiles(index, siteDir, `${globOf(pages.folder)}/{${named.map(globOf).join(',')}}`);
  }
  return added;
}

/** Writes one Pagefind index of `pages` into `outputPath`; how many pages it holds. */
async function writeIndex(siteDir: string, pages: PagesToIndex[], outputPath: string): Promise<number> {
  // Pagefind's process inherits this one's environment: its library takes no other.
  Object.assign(process.env, allocatorDefaults(process.env, PAGEFIND_ALLOCATOR));
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Tablica: Pagefind could not start: ${errors.join('; ')}`);
  try {
    let count = 0;
    for (const language of pages) count += await addPages(index, siteDir, language);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`Tablica: Pagefind: ${written.errors.join('; ')}`);
    return count;
  } finally {
    await index.deleteIndex();
    // Its own process per index: closed, Pagefind gives its memory back before the next part.
    await pagefind.close();
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
      languages.map(({ folder: languageFolder, files }, language) =>
        parts.length === 1
          ? // Pagefind reads the default language's folder itself, and a language's folder when its
            // translations are most of it anyway.
            { folder: languageFolder, files, whole: language === 0 || files.length > MOST_FILES_NAMED }
          : { folder: languageFolder, files: files.filter((file) => inPart.has(noticeFolderOf(file))), whole: false },
      ),
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
