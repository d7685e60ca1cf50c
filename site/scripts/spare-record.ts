import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PAGE_KEYS_FILE, type PageKeys, readPageKeys } from '../src/lib/incremental/page-keys-file.ts';
import { SEARCH_INDEX_DIRECTORY } from '../src/lib/search-index-parts.ts';
import { filesOfBuild } from './build-files.ts';
import { type SpareRecord, sameFile } from './link-tree.ts';
import { filesWrittenBy } from './written-files.ts';

/**
 * What a spare build holds, read from its records instead of walking it: the files of its parts
 * (its keys), the files it wrote itself (written-files.ts: pages Astro rendered, attachments,
 * short addresses…), its search index (linked or built whole, never listed as written) and its
 * top-level files (the dot-files). An incremental build holds nothing else: every other file of it
 * was linked as a part's. A build that lists no written files (a full build, a copy) gives
 * undefined and is walked.
 *
 * `sameAsFrom`: `from` holds this very keys file (`fromKeys`, as read), so it is the copy of this
 * build that went live with a fresh search index (search-index-later.ts links every other file of
 * it): each part's files are the same links in both, which is the publisher's usual case — it
 * keeps the build its search-index copy replaced as the spare.
 */
export function spareRecord(spare: string, from: string, fromKeys: PageKeys): SpareRecord | undefined {
  const sameAsFrom = sameFile(path.join(spare, PAGE_KEYS_FILE), path.join(from, PAGE_KEYS_FILE));
  // The same file, already read from `from`: not parsed a second time.
  const keys = sameAsFrom ? fromKeys : readPageKeys(spare);
  const written = filesWrittenBy(spare);
  if (!keys || !written) return undefined;
  const index = path.join(spare, SEARCH_INDEX_DIRECTORY);
  const files = [
    ...Object.values(keys.parts).flatMap((part) => part.files),
    ...written,
    ...(existsSync(index) ? filesOfBuild(index).map((file) => `${SEARCH_INDEX_DIRECTORY}/${file}`) : []),
    ...readdirSync(spare, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name),
  ];
  return { files, sameAsFrom };
}
