import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { escapeMarkup } from '../src/lib/outputs/escape.ts';
import { outputPaths } from '../src/lib/outputs/manifest.ts';
import type { ShortLink } from '../src/lib/short-links.ts';

/**
 * Writes /k/<code>.html for every short address the build listed in /k/index.json: one line of
 * HTML that sends the reader on at once (and shows the link where a browser does not follow).
 * The static server answers /k/<code> with it. Written here with plain fs, about 0.3 s for
 * 10,000, rather than as 10,000 Astro routes.
 */
export function writeShortLinkPages(outDir: string): { files: Set<string>; sample: string | undefined } {
  const listFile = path.join(outDir, outputPaths.shortLinks);
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as ShortLink[];
  const directory = path.dirname(listFile);
  mkdirSync(directory, { recursive: true });
  const files = new Set<string>();
  let sample: string | undefined;
  for (const { code, locale, page, url, title } of links) {
    const target = escapeMarkup(page);
    const name = escapeMarkup(title);
    const file = `${outputPaths.shortLink(code)}.html`.slice(1);
    sample = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><meta http-equiv="refresh" content="0; url=${target}"><link rel="canonical" href="${escapeMarkup(url)}"><title>${name}</title></head><body><main><h1><a href="${target}">${name}</a></h1></main></body></html>\n`;
    writeFileSync(path.join(outDir, file), sample);
    files.add(file);
  }
  // One template, whose variable parts are escaped text: every page needs what any one does (CSP).
  return { files, sample };
}
