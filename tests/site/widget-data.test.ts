import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { DEFAULT_LOCALE, LOCALES, noticeStatus } from '@tablica/shared';
import { describe, expect, inject, test } from 'vitest';
import { SPARE_SPACE } from '../../site/src/lib/embed/reserve.ts';
import { WIDGET_WORDS } from '../../site/src/lib/i18n/widget.ts';
import type { LocalizedNotice } from '../../site/src/lib/localized-notice.ts';
import { WIDGET_NOTICES, widgetData } from '../../site/src/lib/outputs/widget-data.ts';
import { fileOf } from '../support/html.ts';
import { demoNow, demoSnapshot } from './demo-content.ts';

const site = inject('demoSite');
const snapshot = demoSnapshot();

describe('widget data', () => {
  test('embed.js stays within 4 KB gzipped', () => {
    expect(gzipSync(readFileSync(fileOf(site, '/embed.js'))).length).toBeLessThanOrEqual(4 * 1024);
  });

  test('ten real notices (every demo version, long summaries included) stay under 3 KB gzipped', () => {
    const now = new Date('2020-03-17T12:00:00Z');
    // Every demo notice, made current at `now`, so all of them are in the file.
    const items: LocalizedNotice[] = snapshot.notices.slice(0, WIDGET_NOTICES).map((notice) => ({
      notice: {
        ...notice,
        effectiveFrom: new Date('2020-03-16T00:00:00Z'),
        effectiveUntil: undefined,
        liftedAt: undefined,
      },
      pageLocale: 'pl',
      isFallback: notice.locale !== 'pl',
      status: 'active',
      translations: [notice.locale],
    }));
    const data = widgetData(items, {
      baseUrl: 'https://tablica.example.org',
      now,
      locale: 'pl',
      listPath: '/',
      title: 'Tablica',
    });
    expect(data.notices).toHaveLength(WIDGET_NOTICES);
    expect(gzipSync(JSON.stringify(data)).length).toBeLessThanOrEqual(3 * 1024);
  });

  test("the built files hold current notices only, urgent first, each with its end for the reader's clock", () => {
    const data = JSON.parse(readFileSync(fileOf(site, '/widget/pl.json'), 'utf8'));
    const current = snapshot.notices.filter((n) => n.locale === 'pl' && noticeStatus(n, demoNow()) !== 'expired');
    expect(new Set(data.notices.map((n: { slug: string }) => n.slug))).toEqual(new Set(current.map((n) => n.slug)));
    expect(data.notices[0].severity).toBe('urgent');
    for (const notice of data.notices) {
      const original = current.find((n) => n.slug === notice.slug);
      expect(notice.until).toBe(original?.effectiveUntil?.toISOString() ?? null);
      expect(notice.url).toMatch(/^https:\/\/tablica\.example\.org\/komunikaty\//);
    }
    for (const institution of snapshot.institutions) {
      const own = JSON.parse(readFileSync(fileOf(site, `/widget/${institution.slug}/en.json`), 'utf8'));
      expect(own.lang).toBe('en');
      for (const notice of own.notices) {
        expect(current.find((n) => n.slug === notice.slug)?.institution).toBe(institution.slug);
      }
    }
  });

  test('embed.js knows the languages of the locale registry, and each data file carries its words', () => {
    const script = readFileSync(fileOf(site, '/embed.js'), 'utf8');
    const config = JSON.parse(/const CONFIG = (\{[^\n]*\});/.exec(script)?.[1] ?? 'null');
    expect(config).toEqual({ languages: LOCALES, defaultLanguage: DEFAULT_LOCALE, spare: SPARE_SPACE });
    expect(script, 'the JSDoc types are stripped from what readers download').not.toMatch(/@typedef|@ts-check/);
    for (const locale of LOCALES) {
      const data = JSON.parse(readFileSync(fileOf(site, `/widget/${locale}.json`), 'utf8'));
      expect(data.words).toEqual({ [locale]: WIDGET_WORDS[locale] });
    }
    const [slug] = snapshot.notices.filter((n) => noticeStatus(n, demoNow()) !== 'expired').map((n) => n.slug);
    const single = JSON.parse(readFileSync(fileOf(site, `/widget/notice/${slug}.json`), 'utf8'));
    expect(Object.keys(single.words)).toEqual(LOCALES);
  });
});
