import { describe, expect, it } from 'vitest';
import { searchQueries } from './search-queries.ts';

describe('what the search asks for a reader’s query', () => {
  it.each([
    ["кип'ятіть воду", ['кип’ятіть воду', 'кипʼятіть воду']],
    ['кип’ятіть', ['кип’ятіть', 'кипʼятіть']],
    ['кипʼятіть', ['кип’ятіть', 'кипʼятіть']],
    ["з'їзд і м’ясо", ['з’їзд і м’ясо', 'зʼїзд і мʼясо']],
  ])('%s: with each apostrophe the index may hold', (query, asked) => {
    expect(searchQueries(query)).toEqual(asked);
  });

  it('a query without an apostrophe is asked once, as typed', () => {
    expect(searchQueries('beczkowozy')).toEqual(['beczkowozy']);
    expect(searchQueries('вода')).toEqual(['вода']);
  });
});
