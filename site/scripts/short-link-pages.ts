import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { escapeMarkup } from '../src/lib/outputs/escape.ts';
import { outputPaths } from '../src/lib/outputs/manifest.ts';
import type { ShortLink } from '../src/lib/short-links.ts';

/** The short addresses of a build by code, each entry as its list wrote it. */
export type ShortLinkEntries = Map<string, string>;

/** The build an incremental build takes unchanged short addresses' pages from. */
export interface PreviousShortLinks {
  directory: string;
  /** Its entries, when already read (shortLinkEntriesOf). */
  entries?: ShortLinkEntries | undefined;
  /** Whether its pages were linked in with the notices' files (reuse-unchanged.ts). */
  prelinked: boolean;
}

/**
 * Writes /k/<code>.html for every short address the build listed in /k/index.json: one line of
 * HTML that sends the reader on at once (and shows the link where a browser does not follow).
 * The static server answers /k/<code> with it. Written here with plain fs rather than as 10,000
 * Astro routes. With `previous` (an incremental build), a page whose entry is unchanged is
 * hard-linked from that build instead: 10,000 written took 1.2 s of a publish.
 */
export function writeShortLinkPages(
  outDir: string,
  previous?: PreviousShortLinks,
): { files: Set<string>; sample: string | undefined } {
  const listFile = path.join(outDir, outputPaths.shortLinks);
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as ShortLink[];
  const unchanged = previous ? (previous.entries ?? shortLinkEntriesOf(previous.directory)) : new Map<string, string>();
  // Prelinked, every page of the previous build is in place already (linkTree linked or kept each
  // one, or the build stopped); otherwise none is, and it is linked now.
  const reused = previous?.prelinked ? inPlace : linkedNow;
  const directory = path.dirname(listFile);
  mkdirSync(directory, { recursive: true });
  const files = new Set<string>();
  let sample: string | undefined;
  for (const link of links) {
    const { code, locale, page, url, title } = link;
    const file = pageFileOf(code);
    files.add(file);
    if (previous && unchanged.get(code) === JSON.stringify(link) && reused(previous.directory, outDir, file)) continue;
    const target = escapeMarkup(page);
    const name = escapeMarkup(title);
    sample = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><meta http-equiv="refresh" content="0; url=${target}"><link rel="canonical" href="${escapeMarkup(url)}"><title>${name}</title></head><body><main><h1><a href="${target}">${name}</a></h1></main></body></html>\n`;
    // A fresh file, never through a name that may still be a link to another build's.
    rmSync(path.join(outDir, file), { force: true });
    writeFileSync(path.join(outDir, file), sample);
  }
  // Linked in with the rest (shortLinkPagesOf), a page whose code is gone goes now.
  for (const code of unchanged.keys()) {
    const file = pageFileOf(code);
    if (!files.has(file)) rmSync(path.join(outDir, file), { force: true });
  }
  // One template, whose variable parts are escaped text: every page needs what any one does (CSP).
  // When every page was linked, one of them stands for the rest.
  const first = [...files][0];
  if (sample === undefined && first) sample = readFileSync(path.join(outDir, first), 'utf8');
  return { files, sample };
}

/** A short address's page, relative to the build's root. */
const pageFileOf = (code: string) => `${outputPaths.shortLink(code)}.html`.slice(1);

/**
 * The short addresses' pages of a build, from its list: an incremental build links them in with
 * the unchanged notices' files while Astro renders (reuse-unchanged.ts), and writeShortLinkPages
 * then finds nearly all of them in place. Linked after Astro, 10,000 of them were a fifth of a
 * second of every publish; dropped from a recycled build and linked again, seconds.
 */
export const shortLinkPagesOf = (entries: ShortLinkEntries): string[] => [...entries.keys()].map(pageFileOf);

/** A build's entries by code, as written (none when it has no readable list). */
export function shortLinkEntriesOf(previousDir: string): ShortLinkEntries {
  try {
    const links = JSON.parse(readFileSync(path.join(previousDir, outputPaths.shortLinks), 'utf8')) as ShortLink[];
    return new Map(links.map((link) => [link.code, JSON.stringify(link)]));
  } catch {
    return new Map();
  }
}

/** A page linked in with the unchanged notices' files while Astro rendered: nothing left to do. */
const inPlace = () => true;

/** Links `file` of one build into the other, where nothing was prelinked (no look first: two lstats a page). */
function linkedNow(from: string, to: string, file: string): boolean {
  try {
    linkSync(path.join(from, file), path.join(to, file));
    return true;
  } catch {
    return false;
  }
}
