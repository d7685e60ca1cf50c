import { numberSetting } from '@tablica/shared/number-setting';

/**
 * The most notices one part of the search index holds (src/lib/search-index-parts.ts). Pagefind
 * took 985 MB for 10,000 notices' pages and 2.4 GB for 30,000; machines with less memory set a
 * lower TABLICA_SEARCH_INDEX_PART_NOTICES. Apart from search-index.ts, so that the build script
 * can check it before Astro starts without loading what the index needs.
 */
export const noticesPerSearchIndexPart = (env: NodeJS.ProcessEnv = process.env): number =>
  numberSetting(env, 'TABLICA_SEARCH_INDEX_PART_NOTICES', {
    fallback: 10_000,
    what: 'a whole number of notices',
    whole: true,
  });
