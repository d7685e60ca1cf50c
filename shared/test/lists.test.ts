import { describe, expect, test } from 'vitest';
import {
  announced,
  current,
  ended,
  inForce,
  isStillNews,
  type Notice,
  noticeStatus,
  PublishedNoticeSchema,
} from '../src/index.ts';
import { validNotice } from './helpers.ts';

const NOW = new Date('2020-03-20T12:00:00+01:00');

function notice(slug: string, overrides: Record<string, unknown>): Notice {
  return PublishedNoticeSchema.parse(
    validNotice({
      slug,
      createdAt: '2020-03-13T12:00:00+01:00',
      updatedAt: '2020-03-13T12:00:00+01:00',
      publishedAt: '2020-03-13T12:00:00+01:00',
      ...overrides,
    }),
  );
}
const placed = (notices: Notice[]) => notices.map((n) => ({ notice: n, status: noticeStatus(n, NOW) }));
const slugs = (items: { notice: Notice }[]) => items.map((item) => item.notice.slug);

const NOTICES = placed([
  notice('info-on', { severity: 'info', effectiveFrom: '2020-03-16T00:00:00+01:00', effectiveUntil: undefined }),
  notice('urgent-on', { severity: 'urgent', effectiveFrom: '2020-03-10T00:00:00+01:00' }),
  notice('later', { effectiveFrom: '2020-04-10T00:00:00+02:00', effectiveUntil: '2020-04-20' }),
  notice('sooner', { effectiveFrom: '2020-03-28T00:00:00+01:00', effectiveUntil: '2020-04-20' }),
  // Announced to end on 19 March, lifted on 17 March: ended before the one that ran to its end.
  notice('lifted-early', {
    effectiveFrom: '2020-03-01T00:00:00+01:00',
    effectiveUntil: '2020-03-19',
    liftedAt: '2020-03-17T10:00:00+01:00',
  }),
  notice('ran-to-end', { effectiveFrom: '2020-03-01T00:00:00+01:00', effectiveUntil: '2020-03-18' }),
  notice('long-ago', { effectiveFrom: '2020-01-01T00:00:00+01:00', effectiveUntil: '2020-01-31' }),
]);

describe('the lists every output agrees on', () => {
  test.each([
    ['in force: urgent first, then the most recent', inForce, ['urgent-on', 'info-on']],
    ['announced: the soonest first', announced, ['sooner', 'later']],
    ['current: in force, then announced', current, ['urgent-on', 'info-on', 'sooner', 'later']],
    ['ended: by when each stopped (a lifted notice by its lift)', ended, ['ran-to-end', 'lifted-early', 'long-ago']],
  ])('%s', (_name, list, expected) => {
    expect(slugs(list(NOTICES))).toEqual(expected);
    // The input's order does not matter.
    expect(slugs(list([...NOTICES].reverse()))).toEqual(expected);
  });

  test.each([
    ['in force', 'info-on', true],
    ['announced', 'later', true],
    ['lifted 3 days ago', 'lifted-early', true],
    ['ended 49 days ago', 'long-ago', false],
  ])('still news: %s → %s', (_name, slug, expected) => {
    const item = NOTICES.find((entry) => entry.notice.slug === slug);
    expect(item && isStillNews(item.notice, NOW)).toBe(expected);
  });

  test('still news for 30 days after the end, to the millisecond', () => {
    const { notice: one } = NOTICES.find((entry) => entry.notice.slug === 'ran-to-end') ?? {};
    const end = one?.effectiveUntil?.getTime() ?? 0;
    const day = 86_400_000;
    expect(one && isStillNews(one, new Date(end + 30 * day - 1))).toBe(true);
    expect(one && isStillNews(one, new Date(end + 30 * day))).toBe(false);
  });
});
