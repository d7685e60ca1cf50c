import { describe, expect, it } from 'vitest';
import { isPlaceholderSlug, SlugSchema, slugFromTitle } from '../src/index.ts';

describe('a notice address from its title', () => {
  it.each([
    ['Zamknięcie pływalni miejskiej do 25 marca', 'zamkniecie-plywalni-miejskiej-do-25-marca'],
    ['ŁÓDŹ: Żółta kartka — źródło, gęślą jaźń', 'lodz-zolta-kartka-zrodlo-gesla-jazn'],
    ['MOPS Częstochowa: koronawirus — zmiany (2020)', 'mops-czestochowa-koronawirus-zmiany-2020'],
    ['Закриття басейну до 25 березня', 'zakryttia-baseinu-do-25-bereznia'],
    ['Щодня о 8:00 — з’їзд', 'shchodnia-o-8-00-zizd'],
    // The same word with the Ukrainian apostrophe letter (U+02BC) and with a keyboard's ': once "z-izd".
    ['Щодня о 8:00 — зʼїзд', 'shchodnia-o-8-00-zizd'],
    ["Щодня о 8:00 — з'їзд", 'shchodnia-o-8-00-zizd'],
    ['  "Cytat" & inne ++ znaki!!  ', 'cytat-inne-znaki'],
  ])('"%s" → %s', (title, slug) => {
    expect(slugFromTitle(title)).toBe(slug);
    expect(SlugSchema.safeParse(slug).success).toBe(true);
  });

  it('a long title is cut at a word boundary, at most 80 characters', () => {
    const slug = slugFromTitle('Bardzo długi tytuł komunikatu '.repeat(6));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug.startsWith('bardzo-dlugi-tytul-komunikatu-bardzo')).toBe(true);
  });

  it.each([
    ['notice', true],
    ['notice-1', true],
    ['komunikat-12', true],
    ['notice-board-closed', false],
    ['zamkniecie-plywalni', false],
  ])('%s is a placeholder: %s', (slug, placeholder) => {
    expect(isPlaceholderSlug(slug)).toBe(placeholder);
  });
});
