import { APOSTROPHES } from '@tablica/shared/apostrophes';

const EVERY_APOSTROPHE = new RegExp(`[${APOSTROPHES.join('')}]`, 'gu');

/**
 * What the search asks Pagefind for a reader's query. Pagefind takes ' and ’ as one, but ʼ (U+02BC)
 * as a letter of the word: "кип'ятіть" did not find a notice written "кипʼятіть", nor the other way
 * round. A query with an apostrophe is asked twice, with ’ and with ʼ; one without, once.
 */
export function searchQueries(query: string): string[] {
  const typeset = query.replace(EVERY_APOSTROPHE, '\u2019');
  const letter = query.replace(EVERY_APOSTROPHE, '\u02bc');
  return typeset === letter ? [query] : [typeset, letter];
}
