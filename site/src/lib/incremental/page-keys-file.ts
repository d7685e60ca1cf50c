import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * What an incremental build compares with the build it starts from (scripts/build.ts,
 * `--incrementalFrom`): one key for what every page shares, and one per part of the site — each
 * notice (its pages, embeds, feeds' files of its own…), each page of a list — for what its files
 * render, with the files it wrote.
 */
export interface PageKeys {
  site: string;
  parts: Record<string, { key: string; files: string[] }>;
}

/** Where a build keeps its keys, beside its files; the servers never serve dot-files. */
export const PAGE_KEYS_FILE = '.tablica-page-keys.json';
/** Where the keys endpoint writes them, before scripts/build.ts moves them out of sight. */
export const PAGE_KEYS_ROUTE = 'tablica-page-keys.json';

/** A build's keys, or undefined when it has none (built before incremental builds, or a preview). */
export function readPageKeys(buildDirectory: string): PageKeys | undefined {
  try {
    const keys = JSON.parse(readFileSync(path.join(buildDirectory, PAGE_KEYS_FILE), 'utf8')) as Partial<PageKeys>;
    // Keys of an older shape: as good as none (the next build is a full one).
    return typeof keys.site === 'string' && keys.parts ? (keys as PageKeys) : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
