import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '@tablica/shared';
import * as pagefind from 'pagefind';
import { routes } from '../src/lib/routes.ts';
import { filesOfBuild } from './build-files.ts';

/** Where Pagefind writes the index, under the build's root. */
export const SEARCH_INDEX_DIRECTORY = 'pagefind';

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

/** Adds the files that match a glob under the build's root; how many pages that indexed. */
async function addFiles(index: pagefind.PagefindIndex, siteDir: string, glob: string): Promise<number> {
  const added = await index.addDirectory({ path: siteDir, glob });
  if (added.errors.length > 0) throw new Error(`Tablica: Pagefind: ${added.errors.join('; ')}`);
  return added.page_count;
}

/**
 * Adds the notice pages to the index, and no others: only they carry `data-pagefind-body`, and
 * reading just their folders spares Pagefind the time and memory of parsing every list, embed and
 * institution page for nothing. Every notice is written in the default language, so Pagefind
 * reads that folder itself. In the other languages most addresses are the short pages leading to
 * the original (a notice without a translation), which carry no indexed part: Pagefind would read
 * and parse them all to index nothing (two thirds of its files, a fifth of its time and 200 MB of
 * its memory at 10,000 Polish-only notices). Those are sorted out here, by the same mark Pagefind
 * looks for, and the translations named to it. Each language's pages go in one call, read by
 * Pagefind itself: it numbers a call's pages in an order of its own, and pages added over several
 * calls, or given as contents, made an index of other bytes than Pagefind reading every notice
 * page (tests/site/search-index.test.ts compares the two).
 */
async function addNoticePages(index: pagefind.PagefindIndex, siteDir: string): Promise<number> {
  let pages = await addFiles(index, siteDir, `${globOf(noticesFolder(DEFAULT_LOCALE))}/**/*.html`);
  for (const locale of LOCALES.filter((other) => other !== DEFAULT_LOCALE)) {
    const folder = noticesFolder(locale);
    const translations = htmlFilesUnder(siteDir, folder).filter((file) =>
      readFileSync(path.join(siteDir, folder, file), 'utf8').includes(INDEXED_PART),
    );
    if (translations.length === 0) continue;
    const named = translations.length <= MOST_FILES_NAMED ? `{${translations.map(globOf).join(',')}}` : '**/*.html';
    // The folder before the braces: Pagefind walks what a glob starts with, and from the build's
    // root that was all 100,000 files.
    pages += await addFiles(index, siteDir, `${globOf(folder)}/${named}`);
  }
  return pages;
}

/**
 * Builds the Pagefind search index of a built site: one index per `<html lang>`, of the parts
 * marked `data-pagefind-body` (the notices themselves, not the site's frame or lists). It runs
 * after `astro build` has exited, so the two never hold their memory at the same time.
 */
export async function buildSearchIndex(siteDir: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Tablica: Pagefind could not start: ${errors.join('; ')}`);
  try {
    const pages = await addNoticePages(index, siteDir);
    const written = await index.writeFiles({ outputPath: path.join(siteDir, SEARCH_INDEX_DIRECTORY) });
    if (written.errors.length > 0) throw new Error(`Tablica: Pagefind: ${written.errors.join('; ')}`);
    return pages;
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}
