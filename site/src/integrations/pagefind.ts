import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/**
 * Builds the Pagefind search index after the pages are written. Pages are indexed per their
 * `<html lang>`, and only the parts marked `data-pagefind-body` (the notices themselves).
 */
export function pagefindIndex(): AstroIntegration {
  return {
    name: 'tablica-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Tablica: Pagefind could not start: ${errors.join('; ')}`);
        try {
          const site = fileURLToPath(dir);
          const added = await index.addDirectory({ path: site });
          if (added.errors.length > 0) throw new Error(`Tablica: Pagefind: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
          if (written.errors.length > 0) throw new Error(`Tablica: Pagefind: ${written.errors.join('; ')}`);
          logger.info(`search index: ${added.page_count} pages`);
        } finally {
          await index.deleteIndex();
          await pagefind.close();
        }
      },
    },
  };
}
