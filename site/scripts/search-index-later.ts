/**
 * The search index off a publish's critical path. Pagefind has no incremental mode: it reads
 * every notice page again, about 12 s of a 10,000-notice publish. So an incremental build may
 * go live with the live build's index (`build.ts --searchIndex later`), marked stale, and the
 * publisher then builds the index into a copy of that build and switches to it (`npm run
 * index-search`): the urgent page is served first, and found by search a few seconds later.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SEARCH_INDEX_DIRECTORY, SEARCH_INDEX_PARTS_FILE } from '../src/lib/search-index-parts.ts';
import { filesOfBuild } from './build-files.ts';
import { linkTree } from './link-tree.ts';
import { linkAll } from './reuse-unchanged.ts';
import { buildSearchIndex, type SearchIndexMade, searchIndexMade, writeOnePartList } from './search-index.ts';
import { WRITTEN_FILES } from './written-files.ts';

/** In a build whose search index is the previous build's; never served (a dot-file). */
export const STALE_SEARCH_INDEX = '.tablica-search-index-stale';

export const searchIndexIsStale = (buildDirectory: string) => existsSync(path.join(buildDirectory, STALE_SEARCH_INDEX));

/** Every file of a build, relative; `without` leaves out top-level entries. */
function filesOf(root: string, without: Set<string>): string[] {
  return filesOfBuild(root).filter((file) => !without.has(file.split('/')[0] as string));
}

/** Links the previous build's index into a new build and marks it stale (build.ts). */
export function linkPreviousSearchIndex(outDir: string, previous: string): boolean {
  const from = path.join(previous, SEARCH_INDEX_DIRECTORY);
  if (!existsSync(from)) return false;
  const linked = path.join(outDir, SEARCH_INDEX_DIRECTORY);
  linkAll(filesOf(from, new Set()), from, linked);
  // An index built before indexes came in parts is one part: the search page is told so.
  if (!existsSync(path.join(linked, SEARCH_INDEX_PARTS_FILE))) writeOnePartList(linked);
  writeFileSync(path.join(outDir, STALE_SEARCH_INDEX), '');
  return true;
}

/**
 * A copy (hard links) of `from` with a search index built from its own pages; `spare` is taken
 * over (link-tree.ts). The parts of `from`'s index (the previous one) whose notices are unchanged
 * are linked into it, not made again (search-index-reuse.ts).
 */
export async function indexSearchInto(from: string, outDir: string, spare?: string): Promise<SearchIndexMade> {
  // The copy is a build of its own, made by no incremental build: it lists no written files.
  await linkTree(filesOf(from, new Set([SEARCH_INDEX_DIRECTORY, STALE_SEARCH_INDEX, WRITTEN_FILES])), from, outDir, {
    spare,
  });
  return buildSearchIndex(outDir, { previous: from });
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { from: { type: 'string' }, outDir: { type: 'string' }, recycle: { type: 'string' } },
  });
  if (!values.from || !values.outDir) {
    console.error(
      'usage: node scripts/search-index-later.ts --from <build with a stale index> --outDir <new build> [--recycle <old build>]',
    );
    process.exit(2);
  }
  const started = performance.now();
  const index = await indexSearchInto(
    path.resolve(values.from),
    path.resolve(values.outDir),
    values.recycle && path.resolve(values.recycle),
  );
  console.log(`[tablica] ${searchIndexMade(index, performance.now() - started)}`);
}
