import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PageKeys } from '../src/lib/incremental/page-keys-file.ts';
import {
  isPartFolder,
  partFolder,
  SEARCH_INDEX_DIRECTORY,
  SEARCH_INDEX_PARTS_FILE,
} from '../src/lib/search-index-parts.ts';
import { filesOfBuild } from './build-files.ts';
import { linkAll } from './reuse-unchanged.ts';

/**
 * What each part of a search index was made from, so that the next index takes the parts that
 * have not changed instead of making them again (search-index.ts). A dot-file in the index's
 * folder: never served, and it goes wherever the index goes (a build that goes live with the
 * previous index links it with the rest, search-index-later.ts), so it always describes the
 * index beside it.
 */
export const SEARCH_INDEX_RECORD = '.tablica-made-from.json';

interface SearchIndexRecord {
  /** Each part's digest (partDigest), by folder: the main index first, then `part-1`, `part-2`… */
  parts: (string | null)[];
}

/** A part of the index to write: made by Pagefind, or linked from the previous index's folder. */
export interface IndexPart {
  digest: string | undefined;
  linkFrom?: string;
}

/** Changed when what a part holds is decided otherwise: every part is then made again. */
const FORMAT = 'tablica-search-index-part 2';

/**
 * What a part's files follow from: its notices and their keys, and the site's key. Pagefind's
 * files are a function of the pages it reads (in the order search-index.ts gives them), and a
 * notice's pages of its key and the site's (the premise of incremental builds, lib/incremental/);
 * the site's key covers the code, Pagefind's version among it. Undefined without keys (a build
 * from before them): such a part is never reused.
 */
function partDigest(notices: readonly string[], keys: PageKeys | undefined): string | undefined {
  if (!keys) return undefined;
  const hash = createHash('sha256').update(`${FORMAT}\n${keys.site}\n`);
  for (const notice of notices) {
    const key = keys.parts[notice]?.key;
    if (key === undefined) return undefined;
    hash.update(`${notice}\0${key}\n`);
  }
  return hash.digest('base64url');
}

/** The folder of an index's part `number`: the index's own folder for the main index (0). */
export const partPath = (indexFolder: string, number: number) =>
  number === 0 ? indexFolder : path.join(indexFolder, partFolder(number));

/** The parts' folders of `previous`'s index by their digests; none without a record. */
function foldersByDigest(previous: string | undefined): Map<string, string> {
  const folders = new Map<string, string>();
  if (!previous) return folders;
  const index = path.join(previous, SEARCH_INDEX_DIRECTORY);
  let record: SearchIndexRecord;
  try {
    record = JSON.parse(readFileSync(path.join(index, SEARCH_INDEX_RECORD), 'utf8')) as SearchIndexRecord;
  } catch {
    return folders;
  }
  if (!Array.isArray(record.parts)) return folders;
  for (const [number, digest] of record.parts.entries()) {
    const folder = partPath(index, number);
    if (typeof digest === 'string' && existsSync(folder)) folders.set(digest, folder);
  }
  return folders;
}

/**
 * For each part (lists of notices, the main index first), its digest and, when `previous`'s
 * index has a part made from the very same, the folder to link it from.
 */
export function partsToMake(parts: readonly string[][], keys: PageKeys | undefined, previous?: string): IndexPart[] {
  const before = foldersByDigest(previous);
  return parts.map((notices) => {
    const digest = partDigest(notices, keys);
    const linkFrom = digest === undefined ? undefined : before.get(digest);
    return linkFrom === undefined ? { digest } : { digest, linkFrom };
  });
}

/** Top-level entries of an index's main folder that are not its own part's: the other parts, the lists. */
const isOtherPartOrList = (file: string) => {
  const top = file.split('/')[0] as string;
  return isPartFolder(top) || top === SEARCH_INDEX_PARTS_FILE || top === SEARCH_INDEX_RECORD;
};

/**
 * Hard-links a part's Pagefind files from the previous index's folder into `to`. Never the lists
 * (written afresh for each index: written into a link, they would change the previous build's).
 */
export function linkIndexPart(from: string, to: string): void {
  linkAll(
    filesOfBuild(from).filter((file) => !isOtherPartOrList(file)),
    from,
    to,
  );
}

/** Writes the record of an index whose folder is `indexFolder`. */
export function writeSearchIndexRecord(indexFolder: string, parts: readonly IndexPart[]): void {
  const record: SearchIndexRecord = { parts: parts.map((part) => part.digest ?? null) };
  writeFileSync(path.join(indexFolder, SEARCH_INDEX_RECORD), `${JSON.stringify(record)}\n`);
}
