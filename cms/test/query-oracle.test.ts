import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningStrapi } from './helpers/boot-strapi.mts';
import { bootWithWriter, noticeData } from './helpers/notices.ts';
import { rest } from './helpers/rest.mts';

/**
 * A filter is an oracle: if a query matching a word that exists only in a draft answers
 * differently from the same query with a word that exists nowhere, drafts can be read one
 * character at a time. For every query form through every relation of the model, the two
 * answers must be identical.
 */
const DRAFT_WORD = 'Wyciekniete';
const ABSENT_WORD = 'Nieistniejace';

let cms: RunningStrapi;

beforeAll(async () => {
  const { cms: booted, institution } = await bootWithWriter();
  cms = booted;
  const notices = cms.strapi.documents('api::notice.notice');
  // Published, with a draft above it holding the word; a draft-only notice holding it; and a
  // published English version whose Polish draft has it, so localizations lead to it too.
  const published = await notices.create({
    data: noticeData(institution, { slug: 'opublikowany-oracle', title: 'Komunikat opublikowany do testu' }) as never,
    status: 'published',
  });
  await notices.update({
    documentId: published.documentId,
    data: { title: `Szkic poprawki ${DRAFT_WORD} komunikatu`, summary: `Tajne ${DRAFT_WORD}` } as never,
  });
  await notices.create({
    data: noticeData(institution, {
      slug: 'tylko-szkic-oracle',
      title: `Szkic ${DRAFT_WORD} nigdy nie opublikowany`,
      supersedes: published.documentId,
    }) as never,
  });
  const translated = await notices.create({
    data: noticeData(institution, {
      slug: 'przetlumaczony-oracle',
      title: 'Komunikat z tłumaczeniem do testu',
    }) as never,
    status: 'published',
  });
  await notices.update({
    documentId: translated.documentId,
    locale: 'en',
    data: { title: 'Notice with a translation for the test', summary: 'English.' } as never,
    status: 'published',
  });
  await notices.update({
    documentId: translated.documentId,
    locale: 'pl',
    data: { title: `Szkic ${DRAFT_WORD} tłumaczenia` } as never,
  });
});
afterAll(async () => {
  await cms?.stop();
});

/** Relations of the model, as a query can step through them (the admin-user ones included). */
const NOTICE_PATHS = [
  'institution.notices',
  'supersedes',
  'localizations',
  'institution.notices.localizations',
  'createdBy',
  'updatedBy',
  'institution.createdBy',
];
const INSTITUTION_PATHS = ['notices', 'notices.localizations', 'notices.supersedes', 'createdBy'];

const bracket = (path: string) =>
  path
    .split('.')
    .map((part) => `[${part}]`)
    .join('');

function queryForms(paths: string[], word: string): string[] {
  return paths.flatMap((path) => [
    `filters${bracket(path)}[title][$contains]=${word}`,
    `filters${bracket(path)}[summary][$containsi]=${word}`,
    `filters[$or][0]${bracket(path)}[title][$contains]=${word}&filters[$or][1][slug][$eq]=nic`,
    `filters[$and][0]${bracket(path)}[title][$startsWith]=Szkic ${word}`,
    `filters[$not]${bracket(path)}[title][$contains]=${word}`,
    `filters${bracket(path)}[title][$in][0]=Szkic ${word} nigdy nie opublikowany`,
    `filters${bracket(path)}[$and][0][title][$contains]=${word}`,
    `filters${bracket(path)}[email][$contains]=${word}`,
    `sort=${path}.title:asc&filters[title][$contains]=${word}`,
    `populate${bracket(path)}=*&filters[title][$contains]=${word}`,
    `filters${bracket(path)}[title][$contains]=${word}&locale=*`,
    `filters${bracket(path)}[title][$contains]=${word}&status=draft`,
  ]);
}

describe.each([
  ['/api/notices', NOTICE_PATHS],
  ['/api/institutions', INSTITUTION_PATHS],
])('%s: a word only in drafts and a word nowhere get identical answers', (endpoint, paths) => {
  const forms = queryForms(paths, DRAFT_WORD);
  it(`for ${forms.length} query forms through every relation (filters, $or/$and/$not, sort, populate)`, async () => {
    const differing: string[] = [];
    for (const [index, form] of forms.entries()) {
      const absent = queryForms(paths, ABSENT_WORD)[index] ?? '';
      const [withDraft, without] = await Promise.all([
        rest(cms.url, `${endpoint}?${encodeURI(form)}`),
        rest(cms.url, `${endpoint}?${encodeURI(absent)}`),
      ]);
      const normalise = (text: string) => text.replaceAll(DRAFT_WORD, 'WORD').replaceAll(ABSENT_WORD, 'WORD');
      if (withDraft.status !== without.status || normalise(withDraft.text) !== normalise(without.text)) {
        differing.push(`${form} → ${withDraft.status} vs ${without.status}`);
      }
      expect(withDraft.text).not.toContain(`Szkic ${DRAFT_WORD}`);
      expect(withDraft.status).toBeLessThan(500);
    }
    expect(differing).toEqual([]);
  });

  it('the filters a client needs still work: own fields and the institution', async () => {
    if (endpoint === '/api/institutions') {
      const response = await rest<{ data: unknown[] }>(cms.url, `${endpoint}?filters[slug][$eq]=mops-testowo`);
      expect(response.status).toBe(200);
      expect(response.body.data).toHaveLength(1);
      return;
    }
    for (const query of [
      'filters[slug][$eq]=opublikowany-oracle',
      'filters[institution][slug][$eq]=mops-testowo&filters[slug][$eq]=opublikowany-oracle',
      'filters[$or][0][slug][$eq]=opublikowany-oracle&filters[$or][1][severity][$eq]=nic',
      'filters[title][$contains]=opublikowany&sort=effectiveFrom:desc',
    ]) {
      const response = await rest<{ data: { slug: string }[] }>(cms.url, `${endpoint}?${encodeURI(query)}`);
      expect(response.status, query).toBe(200);
      expect(
        response.body.data.map((notice) => notice.slug),
        query,
      ).toEqual(['opublikowany-oracle']);
    }
  });

  it('a refused query says which filter and what can be used', async () => {
    const response = await rest<{ error: { message: string } }>(
      cms.url,
      `${endpoint}?${encodeURI(`filters${bracket(paths[0] ?? '')}[title][$contains]=x`)}`,
    );
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/is not available in the public API\. Filter and sort on: .*slug/);
  });
});
