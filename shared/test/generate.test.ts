import { describe, expect, it } from 'vitest';
import { generateNotices, generateSnapshot, loadSnapshot, NoticeInputSchema } from '../src/index.ts';

describe('generateNotices', () => {
  it('is deterministic: the same seed gives the same notices', () => {
    expect(generateNotices(50, 7)).toEqual(generateNotices(50, 7));
    expect(generateNotices(50, 7)).not.toEqual(generateNotices(50, 8));
  });

  it('produces schema-valid notices with distinct slugs', () => {
    const notices = generateNotices(500, 3);
    for (const notice of notices) expect(NoticeInputSchema.safeParse(notice).success).toBe(true);
    expect(new Set(notices.map((notice) => notice.slug)).size).toBe(500);
  });

  it('writes every notice in each requested locale', () => {
    const notices = generateNotices(10, 1, { locales: ['pl', 'en'] });
    expect(notices).toHaveLength(20);
    expect(notices.filter((notice) => notice.locale === 'en')).toHaveLength(10);
  });

  it('makes a whole snapshot that loads', () => {
    const snapshot = loadSnapshot(generateSnapshot(300, 11, { locales: ['pl', 'uk'] }));
    expect(snapshot.notices).toHaveLength(600);
    expect(new Set(snapshot.notices.map((notice) => notice.institution)).size).toBe(20);
  });
});
