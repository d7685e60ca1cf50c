import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CSP_FILE, type InlineHashes } from '../publisher/http/security-headers.ts';

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

/**
 * Lists the inline scripts and styles the build wrote, by hash, in `tablica-csp.json`: the
 * server's Content-Security-Policy allows exactly these, and no other inline code; and the
 * origins its videos come from, which it allows as media sources.
 */
export function writeInlineHashes(outDir: string): InlineHashes {
  const found = { scripts: new Set<string>(), styles: new Set<string>() };
  const media = new Set<string>();
  const files = (readdirSync(outDir, { recursive: true }) as string[]).filter((file) => file.endsWith('.html'));
  for (const file of files) {
    const html = readFileSync(path.join(outDir, file), 'utf8');
    inlineHashesOf(html, found);
    mediaOriginsOf(html, media);
  }
  const hashes = { scripts: [...found.scripts].sort(), styles: [...found.styles].sort(), media: [...media].sort() };
  writeFileSync(path.join(outDir, CSP_FILE), `${JSON.stringify(hashes, null, 2)}\n`);
  return hashes;
}
