/**
 * Letters a reader may type plainly that Pagefind keeps apart: it matches "wodociagowej" to
 * "wodociągowej" (ą is a with a mark, which it drops), but not "plywalnia" to "pływalnia" — ł is a
 * letter of its own in Unicode — nor Ukrainian "ганок" to "ґанок". Polish phones and keyboards
 * without Polish letters type l for ł, and Ukrainian ones without ґ type г.
 */
const PLAIN: Readonly<Record<string, string>> = { ł: 'l', ґ: 'г' };
const EVERY_FOLDABLE = new RegExp(`[${Object.keys(PLAIN).join('')}]`, 'gu');

/**
 * The words of `texts` that hold such a letter, spelled plainly, each once: what the notice page
 * gives the search index beside its text, hidden from readers, so that the plain spelling finds
 * it too ("pływalni miejskiej" → "plywalni").
 */
export function plainSpellings(texts: readonly string[]): string[] {
  const words = new Set<string>();
  for (const text of texts)
    for (const [word] of text.toLowerCase().matchAll(/\p{L}+/gu)) {
      const plain = word.replace(EVERY_FOLDABLE, (letter) => PLAIN[letter] ?? letter);
      if (plain !== word) words.add(plain);
    }
  return [...words];
}

/** Every text in a notice (its fields, sections and rich text), for plainSpellings. */
export function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (value && typeof value === 'object' && !(value instanceof Date)) return Object.values(value).flatMap(textsOf);
  return [];
}
