import { describe, expect, test } from 'vitest';
import { searchIndexParts } from './search-index-parts.ts';

const names = (count: number, prefix = 'komunikat-') =>
  Array.from({ length: count }, (_, index) => `${prefix}${index}`);

describe('the search index in parts', () => {
  test('an archive within one part is one index', () => {
    expect(searchIndexParts(names(5_000), 5_000)).toEqual([names(5_000)]);
    expect(searchIndexParts([], 5_000)).toEqual([[]]);
  });

  test('a larger archive is in as few parts as hold it, about even, every notice in exactly one, in order', () => {
    const notices = names(30_001);
    const parts = searchIndexParts(notices, 5_000);
    expect(parts).toHaveLength(7);
    for (const part of parts) {
      // A hash is even on average: within 3 % of 30,001 / 7.
      expect(Math.abs(part.length - 30_001 / 7)).toBeLessThan(130);
      const inPart = new Set(part);
      expect(part).toEqual(notices.filter((notice) => inPart.has(notice)));
    }
    expect(parts.flat().sort()).toEqual([...notices].sort());
  });

  // After a publish the search index makes again only the parts that changed
  // (scripts/search-index-reuse.ts): one notice must not move the others between parts.
  // The main index is the first part, and Pagefind's search fails on one without pages.
  test('no part is empty, however small the parts', () => {
    for (const count of [1, 2, 3, 5, 8, 13]) {
      const parts = searchIndexParts(names(count), 1);
      expect(parts.flat().sort()).toEqual(names(count).sort());
      for (const part of parts) expect(part.length).toBeGreaterThan(0);
    }
  });

  test('a notice added or deleted changes its own part and no other', () => {
    const before = searchIndexParts(names(12_000), 5_000);
    const added = searchIndexParts([...names(12_000), 'nowy-komunikat'], 5_000);
    const changed = added.filter((part, number) => JSON.stringify(part) !== JSON.stringify(before[number]));
    expect(changed).toHaveLength(1);
    expect(changed[0]).toContain('nowy-komunikat');
    const deleted = searchIndexParts(
      names(12_000).filter((name) => name !== 'komunikat-4321'),
      5_000,
    );
    expect(deleted.filter((part, number) => JSON.stringify(part) !== JSON.stringify(before[number]))).toHaveLength(1);
  });
});
