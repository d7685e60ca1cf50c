import { describe, expect, it } from 'vitest';
import {
  channelHref,
  formatPeriod,
  formatUntil,
  type Locale,
  type Notice,
  nextChangeAt,
  noticeStatus,
  PublishedNoticeSchema,
  sortNotices,
} from '../src/index.ts';
import { validNotice } from './helpers.ts';

const WARSAW = 'Europe/Warsaw';
const at = (iso: string) => new Date(iso);

function published(overrides: Record<string, unknown> = {}): Notice {
  return PublishedNoticeSchema.parse(
    validNotice({
      createdAt: '2020-03-13T12:00:00+01:00',
      updatedAt: '2020-03-13T12:00:00+01:00',
      publishedAt: '2020-03-13T12:00:00+01:00',
      ...overrides,
    }),
  );
}

describe('noticeStatus: from 16 March 00:00 until the end of 25 March 2020 (Warsaw)', () => {
  const notice = published();
  it.each([
    { now: '2020-03-15T22:59:59.999Z', status: 'upcoming', note: 'a moment before the start' },
    { now: '2020-03-15T23:00:00.000Z', status: 'active', note: 'the start is inclusive' },
    { now: '2020-03-25T22:59:59.999Z', status: 'active', note: '23:59:59 on 25 March' },
    { now: '2020-03-25T23:00:00.000Z', status: 'expired', note: 'midnight after 25 March: the end is exclusive' },
    { now: '2026-01-01T00:00:00.000Z', status: 'expired', note: 'years later' },
  ])('is $status at $now ($note)', ({ now, status }) => {
    expect(noticeStatus(notice, at(now))).toBe(status);
  });

  it('is active for ever without an end (until further notice)', () => {
    expect(noticeStatus(published({ effectiveUntil: undefined }), at('2099-01-01T00:00:00Z'))).toBe('active');
  });

  it.each([
    { now: '2020-03-19T23:59:59Z', status: 'active', note: 'before it is lifted' },
    { now: '2020-03-20T00:00:00Z', status: 'expired', note: 'from the moment it is lifted' },
  ])('lifted on 20 March (UTC midnight), is $status at $now ($note)', ({ now, status }) => {
    expect(noticeStatus(published({ liftedAt: '2020-03-20T00:00:00Z' }), at(now))).toBe(status);
  });
});

describe('lifting a notice early', () => {
  const lifted = published({
    effectiveUntil: undefined,
    liftedAt: '2020-03-20T10:00:00+01:00',
    suspensions: [
      { facility: 'Basen miejski', mode: 'closed', untilFurtherNotice: true },
      { facility: 'Biblioteka', mode: 'closed', until: '2020-03-18' },
    ],
  });

  it('ends every facility change still running, and none that had already ended', () => {
    expect(nextChangeAt([lifted], at('2020-03-19T12:00:00Z'))?.toISOString()).toBe('2020-03-20T09:00:00.000Z');
    expect(nextChangeAt([lifted], at('2020-03-20T09:00:00Z'))).toBeUndefined();
    expect(nextChangeAt([lifted], at('2020-03-17T12:00:00Z'))?.toISOString()).toBe('2020-03-18T23:00:00.000Z');
  });
});

describe('nextChangeAt', () => {
  const march = published();
  const withSuspension = published({
    slug: 'z-zawieszeniem',
    effectiveUntil: undefined,
    suspensions: [{ facility: 'Basen miejski', mode: 'closed', from: '2020-03-18', until: '2020-03-20' }],
  });

  it.each([
    { now: '2020-03-01T00:00:00Z', next: '2020-03-15T23:00:00.000Z', notices: [march], note: 'the start' },
    { now: '2020-03-20T12:00:00Z', next: '2020-03-25T23:00:00.000Z', notices: [march], note: 'the end' },
    { now: '2020-03-25T23:00:00Z', next: undefined, notices: [march], note: 'nothing after the end' },
    {
      now: '2020-03-16T12:00:00Z',
      next: '2020-03-17T23:00:00.000Z',
      notices: [withSuspension],
      note: 'a facility closes',
    },
    {
      now: '2020-03-19T12:00:00Z',
      next: '2020-03-20T23:00:00.000Z',
      notices: [withSuspension],
      note: 'a facility reopens',
    },
    {
      now: '2020-03-19T12:00:00Z',
      next: '2020-03-20T23:00:00.000Z',
      notices: [march, withSuspension],
      note: 'the earliest of all',
    },
    { now: '2020-03-01T00:00:00Z', next: undefined, notices: [], note: 'no notices' },
  ])('is $next at $now ($note)', ({ now, next, notices }) => {
    expect(nextChangeAt(notices, at(now))?.toISOString()).toBe(next);
  });
});

describe('channelHref', () => {
  it.each([
    { channel: { kind: 'phone', value: '+48343708200' }, href: 'tel:+48343708200' },
    { channel: { kind: 'phone', value: '+48343708200', extension: '123' }, href: 'tel:+48343708200;ext=123' },
    // A short number is dialled as it is (phones' dialers take it; E.164 has no form for it).
    { channel: { kind: 'phone', value: '994' }, href: 'tel:994' },
    { channel: { kind: 'email', value: 'mops@czestochowa.um.gov.pl' }, href: 'mailto:mops@czestochowa.um.gov.pl' },
    {
      channel: { kind: 'epuap', value: '/mopsczestochowa/urzad' },
      href: 'https://epuap.gov.pl/wps/portal/strefa-klienta/katalog-spraw/profil-urzedu/mopsczestochowa',
    },
    { channel: { kind: 'web', value: 'http://mops.czestochowa.pl/' }, href: 'http://mops.czestochowa.pl/' },
    { channel: { kind: 'web', value: 'javascript:alert(1)' }, href: undefined },
    { channel: { kind: 'postal', value: 'ul. Polna 1' }, href: undefined },
    { channel: { kind: 'in-person', value: 'Rynek 1' }, href: undefined },
    { channel: { kind: 'other', value: 'SEKAP' }, href: undefined },
  ] as const)('$channel.kind $channel.value → $href', ({ channel, href }) => {
    expect(channelHref(channel)).toBe(href);
  });
});

describe('period in words', () => {
  const period = (start: string, end?: string) => ({
    start: at(start),
    end: end === undefined ? undefined : at(end),
    timeZone: WARSAW,
  });
  const seed = period('2020-03-15T23:00:00Z', '2020-03-25T23:00:00Z');

  it.each([
    { locale: 'pl', text: 'od 16 marca do 25 marca 2020 r.', p: seed },
    { locale: 'en', text: 'from 16 March to 25 March 2020', p: seed },
    { locale: 'uk', text: 'з 16 березня до 25 березня 2020 р.', p: seed },
    { locale: 'pl', text: 'od 16 marca 2020 r. do odwołania', p: period('2020-03-15T23:00:00Z') },
    { locale: 'en', text: 'from 16 March 2020 until further notice', p: period('2020-03-15T23:00:00Z') },
    {
      locale: 'pl',
      text: 'od 20 grudnia 2020 r. do 10 stycznia 2021 r.',
      p: period('2020-12-19T23:00:00Z', '2021-01-10T23:00:00Z'),
    },
    {
      locale: 'pl',
      text: 'od 16 marca 2020 r. godz. 8:30 do 16 marca 2020 r. godz. 14:00',
      p: period('2020-03-16T07:30:00Z', '2020-03-16T13:00:00Z'),
    },
    { locale: 'pl', text: '16 marca 2020 r.', p: period('2020-03-15T23:00:00Z', '2020-03-16T23:00:00Z') },
    // The DST change does not shift the day: ends at midnight of 29/30 March (CEST).
    {
      locale: 'pl',
      text: 'od 28 marca do 29 marca 2020 r.',
      p: period('2020-03-27T23:00:00Z', '2020-03-29T22:00:00Z'),
    },
  ] as const)('$locale: $text', ({ locale, text, p }) => {
    expect(formatPeriod(p, locale)).toBe(text);
  });

  it.each([
    ['pl', 'do 25 marca 2020 r.'],
    ['en', 'until 25 March 2020'],
    ['uk', 'до 25 березня 2020 р.'],
  ] as [Locale, string][])('formatUntil in %s: %s', (locale, text) => {
    expect(formatUntil(at('2020-03-25T23:00:00Z'), WARSAW, locale)).toBe(text);
  });

  it('says "until further notice" without an end', () => {
    expect(formatUntil(undefined, WARSAW, 'pl')).toBe('do odwołania');
  });
});

describe('reading order', () => {
  it('puts urgent first, then important, then info; the newest first within each', () => {
    const notice = (slug: string, severity: string, publishedAt: string) =>
      published({ slug, severity, publishedAt, createdAt: publishedAt, updatedAt: publishedAt });
    const sorted = sortNotices([
      notice('info-new', 'info', '2020-03-20T10:00:00Z'),
      notice('urgent-old', 'urgent', '2020-03-01T10:00:00Z'),
      notice('important-old', 'important', '2020-03-02T10:00:00Z'),
      notice('urgent-new', 'urgent', '2020-03-19T10:00:00Z'),
      notice('important-new', 'important', '2020-03-18T10:00:00Z'),
      notice('b-same-time', 'info', '2020-03-01T10:00:00Z'),
      notice('a-same-time', 'info', '2020-03-01T10:00:00Z'),
    ]);
    expect(sorted.map((item) => item.slug)).toEqual([
      'urgent-new',
      'urgent-old',
      'important-new',
      'important-old',
      'info-new',
      'a-same-time',
      'b-same-time',
    ]);
  });
});
