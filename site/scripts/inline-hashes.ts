import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CSP_FILE, type InlineHashes } from '../publisher/http/security-headers.ts';
import { filesOfBuild } from './build-files.ts';

const INLINE_ELEMENT = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1\s*>/gi;
const STYLE_ATTRIBUTE = /\sstyle="([^"]*)"/gi;
/** Data blocks (JSON-LD) are never executed, so CSP does not apply to them. */
const DATA_BLOCK = /\btype\s*=\s*["']?application\/(ld\+)?json/i;

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
const decodeAttribute = (value: string) =>
  value
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');

/** The hashes of every inline script, style element and style attribute in one HTML text. */
export function inlineHashesOf(html: string, into: { scripts: Set<string>; styles: Set<string> }) {
  const outside: string[] = [];
  let last = 0;
  for (const match of html.matchAll(INLINE_ELEMENT)) {
    outside.push(html.slice(last, match.index));
    last = match.index + match[0].length;
    const [, tag = '', attributes = '', body = ''] = match;
    outside.push(`<${tag}${attributes}>`);
    if (/\bsrc\s*=/.test(attributes) || DATA_BLOCK.test(attributes)) continue;
    (tag.toLowerCase() === 'script' ? into.scripts : into.styles).add(sha256(body));
  }
  outside.push(html.slice(last));
  // Attributes are looked for outside script bodies only (a script may build markup in strings).
  for (const match of outside.join('').matchAll(STYLE_ATTRIBUTE))
    into.styles.add(sha256(decodeAttribute(match[1] ?? '')));
}

const MEDIA_SOURCE = /<(?:video|source)\b[^>]*\ssrc="([^"]+)"/gi;

/** The origins of the videos one HTML text plays (other than the site's own). */
export function mediaOriginsOf(html: string, into: Set<string>) {
  for (const match of html.matchAll(MEDIA_SOURCE)) {
    const url = URL.parse(decodeAttribute(match[1] ?? ''));
    if (url && (url.protocol === 'https:' || url.protocol === 'http:')) into.add(url.origin);
  }
}

/** What one page needs of the policy. */
interface PageNeeds {
  scripts: string[];
  styles: string[];
  media: string[];
}

/**
 * Each HTML file's needs, kept beside the build so that the next incremental build reads only
 * the pages it rendered: the needs of a page linked from the previous build are known. Pages
 * mostly share the same few needs, so each distinct one is stored once.
 */
const PAGE_NEEDS_FILE = '.tablica-csp-pages.json';

/** The files writeInlineHashes writes into a build. */
export const INLINE_HASH_FILES: readonly string[] = [PAGE_NEEDS_FILE, CSP_FILE];
interface PageNeedsFile {
  needs: PageNeeds[];
  files: Record<string, number>;
}

function needsOf(html: string): PageNeeds {
  const found = { scripts: new Set<string>(), styles: new Set<string>() };
  const media = new Set<string>();
  inlineHashesOf(html, found);
  mediaOriginsOf(html, media);
  return { scripts: [...found.scripts].sort(), styles: [...found.styles].sort(), media: [...media].sort() };
}

/** A page's needs as the build in `buildDirectory` recorded them (none without a readable record). */
function readPageNeeds(buildDirectory: string | undefined): (file: string) => PageNeeds | undefined {
  const none = () => undefined;
  if (!buildDirectory) return none;
  let stored: PageNeedsFile;
  try {
    stored = JSON.parse(readFileSync(path.join(buildDirectory, PAGE_NEEDS_FILE), 'utf8')) as PageNeedsFile;
  } catch {
    return none;
  }
  // Looked up in the record as parsed: a map of its 50,000 pages (10,000 notices) took a tenth of a second.
  return (file) => (Object.hasOwn(stored.files, file) ? stored.needs[stored.files[file] as number] : undefined);
}

/**
 * Lists the inline scripts and styles the build wrote, by hash, in `tablica-csp.json`: the
 * server's Content-Security-Policy allows exactly these, and no other inline code; and the
 * origins its videos come from, which it allows as media sources. `reused`: pages linked
 * unchanged from `baseDirectory` (an incremental build), whose needs are taken from its records.
 * `alike`: pages of one template whose variable parts are escaped text (the short addresses),
 * which all need what its sample needs.
 */
export function writeInlineHashes(
  outDir: string,
  {
    baseDirectory,
    reused = new Set(),
    alike,
    files: given,
  }: {
    baseDirectory?: string | undefined;
    reused?: ReadonlySet<string>;
    alike?: { files: ReadonlySet<string>; sample: string | undefined };
    /** Every file of the build, when the caller knows them: spares a walk of 100,000 files. */
    files?: Iterable<string>;
  } = {},
): InlineHashes {
  const previousNeeds = readPageNeeds(baseDirectory);
  const alikeNeeds = alike?.sample === undefined ? undefined : needsOf(alike.sample);
  const knownNeeds = (file: string) =>
    alikeNeeds && alike?.files.has(file) ? alikeNeeds : reused.has(file) ? previousNeeds(file) : undefined;
  const pages = new Set<string>();
  for (const file of given ?? filesOfBuild(outDir)) if (file.endsWith('.html')) pages.add(file);
  const files = [...pages].sort();
  const distinct = new Map<string, number>();
  // Pages linked or alike share a few needs objects: each is spelled out once, not once per page
  // (40,000 of them at 10,000 notices).
  const signatures = new Map<PageNeeds, string>();
  const signatureOf = (needs: PageNeeds) => {
    let signature = signatures.get(needs);
    if (signature === undefined) {
      signature = JSON.stringify(needs);
      signatures.set(needs, signature);
    }
    return signature;
  };
  const stored: PageNeedsFile = { needs: [], files: {} };
  for (const file of files) {
    const needs = knownNeeds(file) ?? needsOf(readFileSync(path.join(outDir, file), 'utf8'));
    const signature = signatureOf(needs);
    let index = distinct.get(signature);
    if (index === undefined) {
      index = stored.needs.push(needs) - 1;
      distinct.set(signature, index);
    }
    stored.files[file] = index;
  }
  const union = (pick: (needs: PageNeeds) => string[]) => [...new Set(stored.needs.flatMap(pick))].sort();
  const hashes = {
    scripts: union((needs) => needs.scripts),
    styles: union((needs) => needs.styles),
    media: union((needs) => needs.media),
  };
  writeFileSync(path.join(outDir, PAGE_NEEDS_FILE), JSON.stringify(stored));
  writeFileSync(path.join(outDir, CSP_FILE), `${JSON.stringify(hashes, null, 2)}\n`);
  return hashes;
}
