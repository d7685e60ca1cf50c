import path from 'node:path';
import { LOCALES } from '@tablica/shared';
import * as pagefind from 'pagefind';
import { routes } from '../src/lib/routes.ts';

/** Where Pagefind writes the index, under the build's root. */
export const SEARCH_INDEX_DIRECTORY = 'pagefind';

/**
 * Only notice pages carry `data-pagefind-body`; reading just their folders spares Pagefind the
 * time and memory of parsing every list, embed and institution page for nothing.
 */
const NOTICE_PAGES_GLOB = `{${LOCALES.map((locale) => routes.notice('-', locale).slice(1, -3)).join(',')}}/**/*.html`;

/**
 * Builds the Pagefind search index of a built site: one index per `<html lang>`, of the parts
 * marked `data-pagefind-body` (the notices themselves, not the site's frame or lists). It runs
 * after `astro build` has exited, so the two never hold their memory at the same time.
 */
export async function buildSearchIndex(siteDir: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Tablica: Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: siteDir, glob: NOTICE_PAGES_GLOB });
    if (added.errors.length > 0) throw new Error(`Tablica: Pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(siteDir, SEARCH_INDEX_DIRECTORY) });
    if (written.errors.length > 0) throw new Error(`Tablica: Pagefind: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}
