import { numberSetting } from '@tablica/shared/number-setting';

/**
 * How many notices one part of the search index holds, about (src/lib/search-index-parts.ts).
 * Pagefind took 985 MB for 10,000 notices' pages and 2.4 GB for 30,000, and after a publish it
 * makes again the part of the notice that changed (search-index-reuse.ts): 5,000 halves both at
 * 10,000 notices, for one more part a search loads (Pagefind's 58 kB of WebAssembly and the part's
 * list of pages, once per visit). Machines with less memory set a lower
 * TABLICA_SEARCH_INDEX_PART_NOTICES. Apart from search-index.ts, so that the build script can
 * check it before Astro starts without loading what the index needs.
 */
export const noticesPerSearchIndexPart = (env: NodeJS.ProcessEnv = process.env): number =>
  numberSetting(env, 'TABLICA_SEARCH_INDEX_PART_NOTICES', {
    fallback: 5_000,
    what: 'a whole number of notices',
    whole: true,
  });
