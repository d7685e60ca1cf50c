import { createRequire } from 'node:module';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { escapeMarkup } from './escape.ts';

/**
 * The image link previews show (Open Graph's og:image, X's summary_large_image): 1200×630 PNG,
 * one for the site and one per institution, made at build time from an SVG by resvg with fonts
 * from the npm package (never the machine's), so the bytes are the same on every machine. A
 * card per institution, not per notice: a handful of images whatever the archive's size.
 */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

const FONT_DIR = path.join(
  path.dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
  'ttf',
);
const FONTS = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => path.join(FONT_DIR, file));

const MARGIN = 80;

/** Words into lines of at most `width` characters (DejaVu's glyphs are about 0.6 em wide), `max` lines. */
export function wrapText(text: string, width: number, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (candidate.length <= width || !line) line = candidate;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  kept[max - 1] = `${(kept[max - 1] ?? '').slice(0, Math.max(0, width - 1)).trimEnd()}…`;
  return kept;
}

export interface Card {
  /** The big text: an institution's name, or the site's. */
  title: string;
  /** The line above it: the site's name, or its tagline. */
  kicker: string;
}

export function cardSvg({ title, kicker }: Card): string {
  const titleSize = 68;
  const lines = wrapText(title, Math.floor((CARD_WIDTH - 2 * MARGIN) / (titleSize * 0.6)), 4);
  const text = lines
    .map(
      (line, index) => `<tspan x="${MARGIN}" dy="${index === 0 ? 0 : titleSize * 1.2}">${escapeMarkup(line)}</tspan>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}">
<rect width="100%" height="100%" fill="#0b3d91"/>
<rect y="${CARD_HEIGHT - 24}" width="100%" height="24" fill="#f2b705"/>
<text x="${MARGIN}" y="${MARGIN + 30}" font-family="DejaVu Sans" font-size="34" fill="#dbe6ff">${escapeMarkup(wrapText(kicker, 55, 1)[0] ?? '')}</text>
<text x="${MARGIN}" y="${MARGIN + 150}" font-family="DejaVu Sans" font-weight="bold" font-size="${titleSize}" fill="#ffffff">${text}</text>
</svg>`;
}

/** The card as PNG bytes. */
export function renderCard(card: Card): Uint8Array {
  const resvg = new Resvg(cardSvg(card), {
    fitTo: { mode: 'original' },
    font: { fontFiles: FONTS, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}
