/**
 * Where a build through scripts/build.ts has its data files written (lib/data-files/data-route.ts):
 * Astro's outDir. Unset, each data route renders its own files, as any Astro route.
 */
export const DATA_FILES_DIR_ENV = 'TABLICA_DATA_FILES_DIR';
/** Where Astro writes the record of the data files written, which scripts/build.ts deletes. */
export const DATA_FILES_ROUTE = 'tablica-data-files';

export const dataFilesDirectory = (env: NodeJS.ProcessEnv = process.env): string | undefined =>
  env[DATA_FILES_DIR_ENV] || undefined;
