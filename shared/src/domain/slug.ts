import { APOSTROPHES } from '../i18n/apostrophes.ts';
import { CYRILLIC_TO_LATIN } from '../i18n/romanisation.ts';

/**
 * A notice's address from its title, as an editor would write it: "Zamknięcie pływalni miejskiej
 * do 25 marca" → "zamkniecie-plywalni-miejskiej-do-25-marca". Polish letters are spelled without
 * their marks (ł → l, which Unicode normalisation leaves alone), Ukrainian and Russian letters in
 * the Ukrainian national romanisation (KMU 2010, without its word-initial forms), the rest by
 * dropping combining marks.
 */
const LETTERS: Record<string, string> = {
  ł: 'l',
  ß: 'ss',
  æ: 'ae',
  ø: 'o',
  ...CYRILLIC_TO_LATIN,
  ё: 'e',
  // Inside a word, as KMU 2010 spells it: з’їзд → zizd, whichever apostrophe the title has.
  ...Object.fromEntries(APOSTROPHES.map((apostrophe) => [apostrophe, ''])),
};

/** Long titles make long addresses; cut at a word boundary. */
const MAX_SLUG = 80;

export function slugFromTitle(title: string): string {
  const spelled = [...title.toLowerCase()].map((char) => LETTERS[char] ?? char).join('');
  const slug = spelled
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG) return slug;
  const cut = slug.slice(0, MAX_SLUG + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : MAX_SLUG);
}

/**
 * What Strapi's address field fills in before a title exists ("notice", "notice-1"; strapi#21472):
 * never a notice's address.
 */
export const isPlaceholderSlug = (slug: string): boolean => /^(?:notice|komunikat|untitled)(?:-\d+)?$/.test(slug);
