import { generateSnapshot, loadSnapshot, type Notice } from '@tablica/shared';
import { describe, expect, it } from 'vitest';
import type { SiteContent } from './content.ts';
import { shortCodes, shortUrlOf } from './short-links.ts';

/** Just what short links read of the site's content: its notices by slug and language. */
function contentOf(notices: Notice[]): SiteContent {
  const versions = new Map<string, Partial<Record<Notice['locale'], Notice>>>();
  for (const notice of notices) versions.set(notice.slug, { ...versions.get(notice.slug), [notice.locale]: notice });
  return { slugs: [...versions.keys()], versions, baseUrl: 'https://tablica.example.org' } as unknown as SiteContent;
}

const { notices } = loadSnapshot(generateSnapshot(10_000, 7, { institutions: 20 }), { now: new Date() });

describe('short addresses for SMS', () => {
  it('every version of 10,000 notices gets its own code of six letters or digits', () => {
    const codes = [...shortCodes(contentOf(notices)).values()];
    expect(codes).toHaveLength(notices.length);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[0-9a-z]{6,}$/);
    // A longer code is only the rare collision's.
    expect(codes.filter((code) => code.length > 6).length).toBeLessThan(5);
  });

  it('a code never changes: not between builds, nor when newer notices are published', () => {
    const all = shortCodes(contentOf(notices));
    const oldest = notices.toSorted((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).slice(0, 500);
    const fewer = shortCodes(contentOf(oldest));
    for (const [key, code] of fewer) expect(all.get(key)).toBe(code);
    const [first] = notices;
    if (!first) throw new Error('no notices');
    expect(shortUrlOf(contentOf(notices.slice(0, 3)), first)).toBe(
      `https://tablica.example.org/k/${all.get(`${first.locale}:${first.slug}`)}`,
    );
  });
});
