import { LOCALES, noticeStatus } from '@tablica/shared';
import { describe, expect, test } from 'vitest';
import { WIDGET_WORDS } from '../i18n/widget.ts';
import { BASE_URL, NOW, testNotice } from './test-notices.ts';
import { singleNoticeWidgetData, widgetData } from './widget-data.ts';

const placed = (notice: ReturnType<typeof testNotice>) => ({
  notice,
  pageLocale: notice.locale,
  isFallback: false,
  status: noticeStatus(notice, NOW),
  translations: [notice.locale],
});
const context = { baseUrl: BASE_URL, now: NOW, locale: 'pl' as const, listPath: '/obowiazujace/', title: 'Tablica' };

describe('widget data (pure function)', () => {
  test.each([
    ['in force', {}, true, '2020-03-25T23:00:00.000Z'],
    ['until further notice', { effectiveUntil: undefined }, true, null],
    ['lifted: its end is the lift', { liftedAt: '2020-03-21T10:00:00+01:00' }, true, '2020-03-21T09:00:00.000Z'],
    ['ended', { effectiveUntil: '2020-03-19' }, false, undefined],
  ])('%s', (_name, overrides, listed, until) => {
    const data = widgetData([placed(testNotice(overrides))], context);
    expect(data.notices.length).toBe(listed ? 1 : 0);
    if (listed) expect(data.notices[0]?.until).toBe(until);
  });

  test('in force before announced, urgent first; the words are the file’s language’s', () => {
    const data = widgetData(
      [
        placed(
          testNotice({ slug: 'zapowiedziany', effectiveFrom: '2020-04-01T00:00:00+02:00', effectiveUntil: undefined }),
        ),
        placed(testNotice({ slug: 'zwykly' })),
        placed(testNotice({ slug: 'pilny', severity: 'urgent' })),
      ],
      context,
    );
    expect(data.notices.map((notice) => notice.slug)).toEqual(['pilny', 'zwykly', 'zapowiedziany']);
    expect(data.words).toEqual({ pl: WIDGET_WORDS.pl });
    expect(data.url).toBe('https://tablica.example.org/obowiazujace/');
  });

  test('one notice carries every language’s words and stays after it ends', () => {
    const data = singleNoticeWidgetData([testNotice({ effectiveUntil: '2020-03-19' })], context);
    expect(data.notices).toHaveLength(1);
    expect(Object.keys(data.words)).toEqual(LOCALES);
  });
});
