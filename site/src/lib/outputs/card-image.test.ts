import { describe, expect, test } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, renderCard, wrapText } from './card-image.ts';

/** Width and height from a PNG's IHDR chunk (bytes 16–23), as any image reader gets them. */
const pngSize = (png: Uint8Array) => {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
};

describe('link preview cards (og:image)', () => {
  test('a 1200×630 PNG, byte for byte the same when made again', () => {
    const card = { title: 'Przedsiębiorstwo Wodociągów i Kanalizacji w Brzozowie Śląskim', kicker: 'Tablica' };
    const png = renderCard(card);
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(pngSize(png)).toEqual({ width: CARD_WIDTH, height: CARD_HEIGHT });
    expect(Buffer.from(renderCard(card)).equals(Buffer.from(png))).toBe(true);
    // Another institution, another image: the text is really drawn (fonts from the package).
    expect(Buffer.from(renderCard({ ...card, title: 'Urząd Miasta' })).equals(Buffer.from(png))).toBe(false);
  });

  test('a long name wraps by words and ends in an ellipsis after four lines; markup stays text', () => {
    const lines = wrapText('Miejski Ośrodek Pomocy Społecznej '.repeat(6), 28, 4);
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(28);
    expect(lines.at(-1)).toMatch(/…$/);
    expect(() => renderCard({ title: '<script>&"', kicker: '</text>' })).not.toThrow();
  });
});
