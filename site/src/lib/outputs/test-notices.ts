import { type Institution, InstitutionSchema, type Notice, PublishedNoticeSchema } from '@tablica/shared';
import type { FeedDefinition } from '../feeds.ts';

/**
 * Small notices for the fast tests beside the outputs (*.test.ts here): parsed through the same
 * schema the site loader uses, so each table row differs from a valid notice in one thing only.
 */
export const BASE_URL = 'https://tablica.example.org';
export const NOW = new Date('2020-03-20T12:00:00+01:00');

export function testNotice(overrides: Record<string, unknown> = {}): Notice {
  return PublishedNoticeSchema.parse({
    slug: 'zamkniecie-filii-biblioteki',
    title: 'Zamknięcie filii biblioteki nr 3',
    summary: 'Filia nr 3 jest zamknięta do 25 marca.',
    institution: 'mbp-brzozow',
    category: 'closure',
    severity: 'important',
    effectiveFrom: '2020-03-16T00:00:00+01:00',
    effectiveUntil: '2020-03-25',
    createdAt: '2020-03-13T12:00:00+01:00',
    updatedAt: '2020-03-13T12:00:00+01:00',
    publishedAt: '2020-03-13T12:00:00+01:00',
    ...overrides,
  });
}

export const testInstitution = (overrides: Record<string, unknown> = {}): Institution =>
  InstitutionSchema.parse({
    slug: 'mbp-brzozow',
    name: 'Miejska Biblioteka Publiczna w Brzozowie',
    type: 'culture',
    ...overrides,
  });

export const testFeed = (notices: Notice[], overrides: Partial<FeedDefinition> = {}): FeedDefinition => ({
  key: { kind: 'site', locale: 'pl' },
  rssPath: '/rss.xml',
  jsonPath: '/feed.json',
  title: 'Tablica — komunikaty',
  description: 'Pilne komunikaty',
  language: 'pl',
  homePath: '/',
  notices,
  now: new Date(),
  withdrawals: new Map(),
  ...overrides,
});
