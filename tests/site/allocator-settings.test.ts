import { describe, expect, test } from 'vitest';
import { allocatorDefaults, BUNDLER_ALLOCATOR, PAGEFIND_ALLOCATOR } from '../../site/scripts/allocator-settings.ts';

// The settings themselves are judged by their memory in `npm run bench -w site`; this is about
// the operator who set an allocator's environment variable for a build on purpose.
describe("the allocator settings a build passes to Astro's and Pagefind's processes", () => {
  test.each([
    ['Astro (its bundler, mimalloc)', BUNDLER_ALLOCATOR, 'MIMALLOC_ALLOW_THP', '1'],
    ['Pagefind (jemalloc)', PAGEFIND_ALLOCATOR, '_RJEM_MALLOC_CONF', 'narenas:1'],
  ])('%s: given when unset, never in place of an operator’s own value', (_, settings, name, operators) => {
    expect(allocatorDefaults({}, settings)).toEqual(settings);
    expect(allocatorDefaults({ [name]: operators }, settings)).toEqual({});
  });
});
