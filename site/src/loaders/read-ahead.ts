import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { SiteBuildConfig } from '../lib/site-config.ts';
import { writeFileWhole } from '../lib/write-file-whole.ts';
import { readStrapiSnapshot } from './strapi.ts';

/**
 * Reading the CMS ahead of Astro. Astro reaches the content loader only after it has started,
 * set up Vite and loaded the content config (about 3 s); the read from the CMS (listing, the
 * changed notices, the read cache: about 1 s at 10,000 notices) waits on another process and
 * the disk, so the build script (scripts/build.ts) does it meanwhile, in a worker thread of its
 * own (the script's thread links the previous build's files), and hands the loader the result in
 * a file. Either the file or a failure marker with the read's message is written: the
 * loader then fails as it would have itself.
 */
export interface ReadAhead {
  snapshot: unknown;
  how: string;
}

const failedMarker = (file: string) => `${file}.failed`;

/** Starts the read (build script). Never rejects: a failure is handed over too. */
export async function readAheadInto(
  file: string,
  content: Extract<SiteBuildConfig['content'], { kind: 'strapi' }>,
  noticeCache: SiteBuildConfig['noticeCache'],
  warn: (message: string) => void,
): Promise<void> {
  try {
    const read = await readStrapiSnapshot({ ...content, onRetry: warn }, noticeCache);
    // Whole or not at all: the loader waits for the file and must never read half of it.
    writeFileWhole(file, JSON.stringify(read));
  } catch (error) {
    handOverFailure(file, (error as Error).message);
  }
}

/** Tells the loader the read failed, and why: it fails the build with this message. */
export function handOverFailure(file: string, message: string): void {
  writeFileSync(failedMarker(file), message);
}

/** The read the build script made (loader): waits for it, or fails with its message. */
export async function takeReadAhead(file: string): Promise<ReadAhead> {
  // Astro runs as the build script's child: if that is gone (killed), nothing will come.
  const parent = process.ppid;
  for (;;) {
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as ReadAhead;
    if (existsSync(failedMarker(file))) throw new Error(readFileSync(failedMarker(file), 'utf8'));
    if (process.ppid !== parent) throw new Error('the build script stopped before the content was read');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
