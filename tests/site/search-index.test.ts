import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LOCALES, noticePath } from '@tablica/shared';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { filesOfBuild } from '../../site/scripts/build-files.ts';
import { demoSnapshot } from './demo-content.ts';

const site = inject('demoSite');
const scratch = mkdtempSync(path.join(tmpdir(), 'tablica-search-'));

const filesOf = (root: string) => filesOfBuild(root).sort();

/**
 * The index Pagefind makes when it reads every notice page of the site itself, in every language:
 * what the site's index was before the build began to sort out the pages leading to an original
 * (scripts/search-index.ts). The folders come from the pages' own addresses.
 */
async function indexOfEveryNoticePage(outputPath: string) {
  const folders = LOCALES.map((locale) => noticePath('-', locale).slice(1, -3));
  const { index } = await pagefind.createIndex({});
  if (!index) throw new Error('Pagefind did not start');
  try {
    await index.addDirectory({ path: site, glob: `{${folders.join(',')}}/**/*.html` });
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
    expect(filesOf(built)).toEqual(filesOf(reference));
    const differing = filesOf(built).filter(
      (file) => !readFileSync(path.join(built, file)).equals(readFileSync(path.join(reference, file))),
    );
    expect(differing).toEqual([]);
  });
});

beforeAll(() => {
  if (!site) throw new Error('the demo site was not built (tests/site/global-setup.ts)');
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
