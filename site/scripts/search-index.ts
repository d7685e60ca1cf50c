import path from 'node:path';
import * as pagefind from 'pagefind';

/**
 * Builds the Pagefind search index of a built site: one index per `<html lang>`, of the parts
 * marked `data-pagefind-body` (the notices themselves, not the site's frame or lists). It runs
 * after `astro build` has exited, so the two never hold their memory at the same time.
 */
export async function buildSearchIndex(siteDir: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Tablica: Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: siteDir });
    if (added.errors.length > 0) throw new Error(`Tablica: Pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Tablica: Pagefind: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}
