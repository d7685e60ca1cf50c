import { linkSync, lstatSync, mkdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { filesOfBuild } from './build-files.ts';

/**
 * Removes `files` under `root`, then each directory they leave empty. Each directory is tried
 * once, deepest first: tried above every file, the failing rmdirs (an exception each) of 20,000
 * files in a few directories took seconds beside Astro.
 */
export function removeFiles(root: string, files: Iterable<string>): void {
  const directories = new Set<string>();
  for (const file of files) {
    rmSync(path.join(root, file), { force: true });
    for (let directory = path.dirname(file); directory !== '.' && !directories.has(directory); ) {
      directories.add(directory);
      directory = path.dirname(directory);
    }
  }
  const depth = (directory: string) => directory.split('/').length;
  for (const directory of [...directories].sort((a, b) => depth(b) - depth(a))) {
    try {
      rmdirSync(path.join(root, directory));
    } catch {
      // Not empty: something else of the build is in it.
    }
  }
}

/**
 * Removes what `present` holds and `wanted` does not. A top-level directory none of whose files
 * are wanted (a spare's search index, 10,000 files, which the new build links afresh) goes in one
 * recursive removal.
 */
function removeUnwanted(root: string, present: Set<string>, wanted: Set<string>): void {
  const topOf = (file: string) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : undefined);
  const keptTops = new Set<string | undefined>([...wanted].map(topOf));
  const wholeDirectories = new Set<string>();
  const single: string[] = [];
  for (const file of present) {
    if (wanted.has(file)) continue;
    const top = topOf(file);
    if (top !== undefined && !keptTops.has(top)) wholeDirectories.add(top);
    else single.push(file);
  }
  for (const directory of wholeDirectories) rmSync(path.join(root, directory), { recursive: true, force: true });
  removeFiles(root, single);
}

/**
 * Makes the directory a path lies in, once per directory: a build writes thousands of files into
 * the same directories, and each mkdir is a system call.
 */
export function directoryMaker(): (file: string) => void {
  const made = new Set<string>();
  return (file) => {
    const directory = path.dirname(file);
    if (made.has(directory)) return;
    mkdirSync(directory, { recursive: true });
    made.add(directory);
  };
}

/** Whether two paths are one file (hard links of it); false when either is missing. */
export function sameFile(a: string, b: string): boolean {
  try {
    const [left, right] = [lstatSync(a), lstatSync(b)];
    return left.ino === right.ino && left.dev === right.dev;
  } catch {
    return false;
  }
}

/**
 * What a spare build holds, as its own records say (spare-record.ts), so that it need not be
 * walked; `sameAsFrom`: the build linked from is a copy of it, so every file the two share is
 * already the right link and is not compared.
 */
export interface SpareRecord {
  files: string[];
  sameAsFrom: boolean;
}

export interface LinkedTree {
  /** Files that were already the right links in the spare, left as they were. */
  kept: number;
  /** Whether a spare was taken over. */
  recycled: boolean;
  /** Whether the spare's records stood in for walking and comparing its files. */
  recorded: boolean;
}

/**
 * Makes the empty directory `to` hold `files`, each a hard link to the same file under `from`.
 *
 * With `spare` (a build the publisher no longer keeps, of the same site): it becomes `to`, and
 * only what differs is written. Most of its files already are those links (unchanged notices'
 * files are shared by every build), so they are compared, not made: a directory and a link per
 * file (about 160,000 writes at 10,000 notices, 3 to 14 s on this disk, slower the more the disk
 * has to write back) become a stat per file and a few hundred writes.
 *
 * `record` (spare-record.ts) says what the spare holds without walking its 120,000 files (1.4 s
 * at 10,000 notices) and, when `from` is a copy of it, that the shared files need no comparing.
 *
 * Yields every 2,000 files; `stopped()` ends it early (the build failed).
 */
export async function linkTree(
  files: string[],
  from: string,
  to: string,
  {
    spare,
    stopped = () => false,
    record,
  }: { spare?: string | undefined; stopped?: () => boolean; record?: SpareRecord | undefined } = {},
): Promise<LinkedTree> {
  const recycled = spare !== undefined && takeOver(spare, to);
  const present = recycled ? new Set(record?.files ?? filesOfBuild(to)) : new Set<string>();
  const sameAsFrom = recycled && record?.sameAsFrom === true;
  if (recycled) removeUnwanted(to, present, new Set(files));
  let kept = 0;
  const makeDirectoryOf = directoryMaker();
  for (const [index, file] of files.entries()) {
    if (index % 2_000 === 0) {
      await nextTurn();
      if (stopped()) break;
    }
    const source = path.join(from, file);
    const target = path.join(to, file);
    if (present.has(file)) {
      if (sameAsFrom || sameFile(source, target)) {
        kept += 1;
        continue;
      }
      // Renamed over, never written: the file it links stays as every other build has it.
      rmSync(target);
    }
    makeDirectoryOf(target);
    linkSync(source, target);
  }
  return { kept, recycled, recorded: recycled && record !== undefined };
}

/** Moves `spare` to `to` (an empty directory); false when it is gone or on another disk. */
function takeOver(spare: string, to: string): boolean {
  try {
    renameSync(spare, to);
    return true;
  } catch {
    return false;
  }
}
