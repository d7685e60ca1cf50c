import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The files an incremental build wrote itself, beside the ones it hard-linked from the build it
 * started from. The publisher's check of a build (publisher/build-check.ts) reads these instead
 * of walking the whole build: at 10,000 notices, listing its 100,000 files took 1.6–2.7 s of every
 * publish, for a few dozen files that are new.
 */
export const WRITTEN_FILES = '.tablica-written.json';

interface WrittenFiles {
  /** The build every other file was linked from. */
  base: string;
  files: string[];
}

export function writeWrittenFiles(outDir: string, base: string, files: Iterable<string>): void {
  const written: WrittenFiles = { base, files: [...new Set(files)].sort() };
  writeFileSync(path.join(outDir, WRITTEN_FILES), JSON.stringify(written));
}

/**
 * What `directory` wrote itself, if it says so and started from `base`; undefined otherwise (a
 * full build, a copy of a build, or one that started elsewhere: the caller walks it).
 */
export function readWrittenFiles(directory: string, base: string): string[] | undefined {
  const written = readRecord(directory);
  return written?.base === path.resolve(base) ? written.files : undefined;
}

/** What `directory` wrote itself, whatever it started from; undefined when it keeps no list. */
export const filesWrittenBy = (directory: string): string[] | undefined => readRecord(directory)?.files;

function readRecord(directory: string): WrittenFiles | undefined {
  try {
    const written = JSON.parse(readFileSync(path.join(directory, WRITTEN_FILES), 'utf8')) as Partial<WrittenFiles>;
    return typeof written.base === 'string' && Array.isArray(written.files)
      ? { base: written.base, files: written.files }
      : undefined;
  } catch {
    return undefined;
  }
}
