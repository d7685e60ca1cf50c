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

/**
 * The notices (sorted) in parts of at most `perPart`, as even as can be: 30,001 notices at 10,000
 * a part make four parts of 7,501 and 7,500, not three full ones and a part of one. Runs of the
 * names in their order: the same notices make the same parts in every build. `perPart` is a whole
 * number above 0 (noticesPerSearchIndexPart checks the setting).
 */
export function searchIndexParts<Name>(notices: readonly Name[], perPart: number): Name[][] {
  const count = Math.max(1, Math.ceil(notices.length / perPart));
  const size = Math.floor(notices.length / count);
  // The first `longer` parts take one notice more.
  const longer = notices.length % count;
  const startOf = (part: number) => part * size + Math.min(part, longer);
  return Array.from({ length: count }, (_, part) => notices.slice(startOf(part), startOf(part + 1)));
}
