import { describe, expect, it } from 'vitest';
import { plainSpellings, textsOf } from './search-spellings.ts';

describe('the plain spellings a notice page gives the search index', () => {
  // Marks (ó, ź) are left to Pagefind, which drops them itself: "lódź" is found by "lodz".
  it('each word with ł or ґ, spelled with l or г, once; no other word', () => {
    expect(
      plainSpellings(['Zamknięcie pływalni miejskiej', 'Pływalnia, Łódź: szkoła i Szkoła', 'Ґанок закрито', 'вода']),
    ).toEqual(['plywalni', 'plywalnia', 'lódź', 'szkola', 'ганок']);
  });

  it('nothing for a text without those letters', () => {
    expect(plainSpellings(['Awaria wodociągu — brak wody'])).toEqual([]);
  });

  it('reads every text of a notice: fields, lists and rich text, not dates', () => {
    const notice = {
      title: 'Pływalnia',
      effectiveFrom: new Date('2026-03-16T00:00:00Z'),
      suspensions: [{ facility: 'Hala sportowa', note: 'Otwarta do 21:00' }],
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Głównej' }] }],
    };
    expect(textsOf(notice)).toEqual(['Pływalnia', 'Hala sportowa', 'Otwarta do 21:00', 'paragraph', 'text', 'Głównej']);
  });
});
