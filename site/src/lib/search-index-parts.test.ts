import { describe, expect, test } from 'vitest';
import { searchIndexParts } from './search-index-parts.ts';

const names = (count: number) => Array.from({ length: count }, (_, index) => `n${String(index).padStart(6, '0')}`);

describe('the search index in parts', () => {
  test('an archive within one part is one index', () => {
    expect(searchIndexParts(names(10_000), 10_000)).toEqual([names(10_000)]);
    expect(searchIndexParts([], 10_000)).toEqual([[]]);
  });

  test('a larger archive is split as evenly as it can be, every notice in exactly one part, in order', () => {
    const notices = names(30_001);
    const parts = searchIndexParts(notices, 10_000);
    expect(parts.map((part) => part.length)).toEqual([7501, 7500, 7500, 7500]);
    expect(parts.flat()).toEqual(notices);
    expect(searchIndexParts(names(5), 2).map((part) => part.length)).toEqual([2, 2, 1]);
  });
});
