import { describe, expect, test } from 'vitest';
import { jsonFeed } from './json-feed.ts';
import { BASE_URL, NOW, testFeed, testNotice } from './test-notices.ts';

describe('JSON Feed (pure function)', () => {
  test.each([
    ['in force', {}, 'active', '2020-03-25T23:00:00.000Z', undefined],
    [
      'announced',
      { effectiveFrom: '2020-04-01T00:00:00+02:00', effectiveUntil: undefined },
      'upcoming',
      undefined,
      undefined,
    ],
    [
      'lifted early',
      { liftedAt: '2020-03-18T10:00:00+01:00' },
      'expired',
      '2020-03-25T23:00:00.000Z',
      '2020-03-18T09:00:00.000Z',
    ],
  ])('%s: the _tablica extension carries status and period as data', (_name, overrides, status, until, liftedAt) => {
    const feed = jsonFeed(testFeed([testNotice(overrides)]), BASE_URL, NOW);
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.feed_url).toBe('https://tablica.example.org/feed.json');
    const [item] = feed.items;
    expect(item?._tablica).toMatchObject({ status, revision: 1 });
    expect(item?._tablica.period.until).toBe(until);
    expect(item?._tablica.period.liftedAt).toBe(liftedAt);
  });

  test('round-trips through JSON unchanged (no Dates, no undefined surprises)', () => {
    const feed = jsonFeed(testFeed([testNotice({ revision: 2 })]), BASE_URL, NOW);
    expect(JSON.parse(JSON.stringify(feed)).items[0].id).toBe(
      'https://tablica.example.org/komunikaty/zamkniecie-filii-biblioteki/#v2',
    );
  });
});
