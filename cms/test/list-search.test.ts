import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminLogin } from './helpers/admin.ts';
import { bootStrapi, type RunningStrapi } from './helpers/boot-strapi.mts';
import { rest } from './helpers/rest.mts';

/**
 * The search box above the admin's lists, as an editor types into it: in lower case. SQLite's
 * LOWER() folds ASCII letters only, so "śląskim" missed "Śląskim" and a Ukrainian title was found
 * only when typed with its capital letter. SQLite and Postgres (TABLICA_TEST_DB=postgres).
 */
const EDITOR = { email: 'redakcja@example.org', password: 'Haslo-Redakcji-2026!' };
let cms: RunningStrapi;
let token: string;

beforeAll(async () => {
  cms = await bootStrapi({ seedDemo: true, env: { ADMIN_EMAIL: EDITOR.email, ADMIN_PASSWORD: EDITOR.password } });
  token = await adminLogin(cms.url, EDITOR);
});
afterAll(async () => {
  await cms?.stop();
});

const found = async (type: string, query: string, locale?: string) => {
  const response = await rest<{ results: unknown[] }>(
    cms.url,
    `/content-manager/collection-types/${type}?_q=${encodeURIComponent(query)}${locale ? `&locale=${locale}` : ''}`,
    { token },
  );
  expect(response.status, response.text).toBe(200);
  return response.body.results.length;
};

describe('searching the admin’s lists, whatever the case of Polish and Ukrainian letters', () => {
  it.each([
    ['institutions', 'api::institution.institution', 'Śląskim', undefined],
    ['Ukrainian notices', 'api::notice.notice', 'Аварія', 'uk'],
  ])('%s: typed in lower case, found as with its capital', async (_, type, word, locale) => {
    const withCapital = await found(type, word, locale);
    expect(withCapital).toBeGreaterThan(0);
    expect(await found(type, word.toLowerCase(), locale)).toBe(withCapital);
    expect(await found(type, word.toUpperCase(), locale)).toBe(withCapital);
  });

  it('takes a typed % as itself, not as "anything"', async () => {
    expect(await found('api::notice.notice', '%', 'pl')).toBe(0);
    expect(await found('api::notice.notice', '', 'pl')).toBeGreaterThan(0);
  });
});

describe('filtering the public API case-insensitively ($containsi), whatever the letters', () => {
  it('finds the Ukrainian notice by a lower-case word of its title, as by the word as written', async () => {
    const titles = async (word: string) => {
      const response = await rest<{ data: { title: string }[] }>(
        cms.url,
        `/api/notices?locale=uk&filters[title][$containsi]=${encodeURIComponent(word)}`,
      );
      expect(response.status, response.text).toBe(200);
      return response.body.data.map((notice) => notice.title);
    };
    const asWritten = await titles('Аварія');
    expect(asWritten).toHaveLength(1);
    expect(await titles('аварія')).toEqual(asWritten);
  });
});
