import { APOSTROPHES } from '@tablica/shared/apostrophes';

const APOSTROPHE_CLASS = `[${APOSTROPHES.join('')}]`;
const HAS_APOSTROPHE = new RegExp(APOSTROPHE_CLASS, 'u');
const EVERY_APOSTROPHE = new RegExp(APOSTROPHE_CLASS, 'gu');

/**
 * What the search asks Pagefind for a reader's query. Pagefind takes ' and ’ as one, but ʼ (U+02BC)
 * as a letter of the word: "кип'ятіть" did not find a notice written "кипʼятіть", nor the other way
 * round. A query with an apostrophe is asked twice, with ’ and with ʼ; one without, once.
 */
export function searchQueries(query: string): string[] {
  if (!HAS_APOSTROPHE.test(query)) return [query];
  return [query.replace(EVERY_APOSTROPHE, '\u2019'), query.replace(EVERY_APOSTROPHE, '\u02bc')];
}
