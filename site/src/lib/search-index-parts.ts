/**
 * A search index in parts. Pagefind holds a whole index in memory while it writes it, so a large
 * archive is indexed in parts, each by a Pagefind process of its own (scripts/search-index.ts),
 * and the search page merges them with Pagefind's own multi-index search (search-client.ts). This
 * file, in the index's folder, lists the parts besides the main index there; it is written with
 * every index, even of one part, so that the search page never asks for a file that is not there.
 */
export const SEARCH_INDEX_PARTS_FILE = 'tablica-parts.json';

/** The index's folder under the build's root, where Pagefind writes it and the search page reads it. */
export const SEARCH_INDEX_DIRECTORY = 'pagefind';

export interface SearchIndexParts {
  /** The other parts' folders, relative to the main index's folder ("part-1/"). */
  parts: string[];
}

/** Where the index's part `number` (from 1; part 0 is the main index) is written, in the index's folder. */
export const partFolder = (number: number) => `part-${number}`;

/** Whether a name in the index's folder is a part's folder (partFolder). */
export const isPartFolder = (name: string) => /^part-[1-9]\d*$/.test(name);

/**
 * The notices in ⌈notices ÷ perPart⌉ parts, each notice's part chosen by a hash of its name, so
 * that a notice published, edited or deleted changes its own part and no other: the index made
 * again after a publish remakes that part and takes the others from the index before it
 * (scripts/search-index-reuse.ts). A hash is even on average: parts hold about `perPart` notices
 * each, not exactly (10,000 at 5,000 a part: two of 5,000, give or take a hundred). The same
 * names make the same parts in every build, each in the order given. `perPart` is a whole number
 * above 0 (noticesPerSearchIndexPart).
 *
 * No part is empty (one, of none, when there are no notices): the first part is the main index,
 * and Pagefind's search page fails on a main index without pages. A hash leaves a part empty only
 * when parts are a handful of notices (at 20 a part, once in 500 million).
 */
export function searchIndexParts(notices: readonly string[], perPart: number): string[][] {
  const parts = Array.from({ length: Math.max(1, Math.ceil(notices.length / perPart)) }, () => [] as string[]);
  for (const notice of notices) parts[nameHash(notice) % parts.length]?.push(notice);
  const filled = parts.filter((part) => part.length > 0);
  return filled.length > 0 ? filled : [[]];
}

/** FNV-1a of a name's UTF-16 units: a few lines, the same in every build and on every machine. */
function nameHash(name: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < name.length; index += 1) {
    hash ^= name.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
