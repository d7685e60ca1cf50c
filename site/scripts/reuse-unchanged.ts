import { chmodSync, linkSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { PAGE_KEYS_FILE, PAGE_KEYS_ROUTE, type PageKeys, readPageKeys } from '../src/lib/incremental/page-keys-file.ts';
import { filesOfBuild } from './build-files.ts';
import { directoryMaker, type LinkedTree, linkTree, removeFiles } from './link-tree.ts';
import { type ShortLinkEntries, shortLinkEntriesOf, shortLinkPagesOf } from './short-link-pages.ts';
import { spareRecord } from './spare-record.ts';

/** Hard-links each file from `from` into `to` (about 3 s for 99,000 files, 10,000 notices). */
export function linkAll(files: string[], from: string, to: string): void {
  const makeDirectoryOf = directoryMaker();
  for (const file of files) {
    makeDirectoryOf(path.join(to, file));
    linkSync(path.join(from, file), path.join(to, file));
  }
}

/** Files linked into a scratch directory while Astro renders (prelinkParts), ready to become the build. */
export interface Prelinked extends LinkedTree {
  directory: string;
  /** The previous build's keys, as read for this. */
  keys: PageKeys;
  /** Every file of every part of the previous build, relative to its root. */
  files: string[];
  /** The previous build's short addresses, whose pages were linked too (read once per build). */
  shortLinks: ShortLinkEntries;
}

/**
 * Links every file of every part of `baseDir`, and its short addresses' pages, into `directory`
 * while Astro renders, before this build's keys are known: on two cores the links run beside
 * Astro's single thread instead of after it, from `spare` when the publisher has one
 * (link-tree.ts). reuseUnchanged then removes what changed and moves Astro's files in.
 * `stopped()` (Astro failed) ends it early.
 */
export async function prelinkParts(
  baseDir: string,
  keys: PageKeys,
  directory: string,
  { spare, stopped }: { spare?: string | undefined; stopped: () => boolean },
): Promise<Prelinked> {
  const files = Object.values(keys.parts).flatMap((part) => part.files);
  const record = spare ? spareRecord(spare, baseDir, keys) : undefined;
  // The short addresses' pages too: nearly all of them stay as they are (short-link-pages.ts).
  const shortLinks = shortLinkEntriesOf(baseDir);
  const linked = await linkTree([...files, ...shortLinkPagesOf(shortLinks)], baseDir, directory, {
    spare,
    stopped,
    record,
  });
  return { ...linked, directory, keys, files, shortLinks };
}

/** Moves each file from `from` to the same place under `to`, replacing what is there. */
function moveAll(files: string[], from: string, to: string): void {
  const makeDirectoryOf = directoryMaker();
  for (const file of files) {
    makeDirectoryOf(path.join(to, file));
    // A rename replaces the name only: the previous build's file, which the link shares, is untouched.
    renameSync(path.join(from, file), path.join(to, file));
  }
}

export interface Reuse {
  /** Why the previous build's files could not be used, when they could not. */
  fullBecause?: string;
  /** Notices and pages of lists whose files were linked. */
  parts: number;
  /** The files linked from the previous build, relative to the build's root. */
  linked: Set<string>;
}

/**
 * Moves this build's keys out of the served files, then hard-links into `outDir` every file of
 * each part (a notice, a page of a list) whose keys are unchanged since `baseDir` was built
 * (Astro did not render those).
 * Links, not copies: the two builds share the bytes, and neither is ever written again (each
 * build is a new directory), so rolling back to the older one stays safe. A file the keys say the
 * previous build has but it does not stops the build: the publisher then builds in full.
 *
 * With `prelinked` (every part's files, linked while Astro rendered), the files of changed parts
 * are removed from it instead, Astro's files moved in, and it becomes `outDir`.
 */
export function reuseUnchanged(outDir: string, baseDir: string | undefined, prelinked?: Prelinked): Reuse {
  const keysRoute = path.join(outDir, PAGE_KEYS_ROUTE);
  const next = JSON.parse(readFileSync(keysRoute, 'utf8')) as PageKeys;
  renameSync(keysRoute, path.join(outDir, PAGE_KEYS_FILE));
  const none = new Set<string>();
  const full = (fullBecause: string): Reuse => {
    if (prelinked) rmSync(prelinked.directory, { recursive: true, force: true });
    return { fullBecause, parts: 0, linked: none };
  };
  if (!baseDir) return full('no previous build given');
  const previous = prelinked?.keys ?? readPageKeys(baseDir);
  if (!previous) return full('the previous build has no keys');
  if (previous.site !== next.site) return full('the code, settings, institutions or options changed');
  const toLink: string[] = [];
  let parts = 0;
  for (const [part, { key, files: own }] of Object.entries(next.parts)) {
    const before = previous.parts[part];
    if (before?.key !== key) continue;
    parts += 1;
    // The rest of its files (one it has only now, say a CAP message) Astro rendered.
    const had = new Set(before.files);
    toLink.push(...own.filter((name) => had.has(name)));
  }
  const linked = new Set(toLink);
  if (!prelinked) {
    linkAll(toLink, baseDir, outDir);
    return { parts, linked };
  }
  removeFiles(
    prelinked.directory,
    prelinked.files.filter((file) => !linked.has(file)),
  );
  moveAll(filesOfBuild(outDir), outDir, prelinked.directory);
  // The scratch directory is private (mkdtemp: 0700); the build keeps the mode Astro's had.
  chmodSync(prelinked.directory, statSync(outDir).mode & 0o7777);
  rmSync(outDir, { recursive: true });
  renameSync(prelinked.directory, outDir);
  return { parts, linked };
}
