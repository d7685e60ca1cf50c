import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminUserToken } from './helpers/admin.ts';
import { bootStrapi, type RunningStrapi } from './helpers/boot-strapi.mts';
import { noticeData } from './helpers/notices.ts';
import { rest } from './helpers/rest.mts';

/** The admin panel's own API, used with real admin users of each role. */
const CM = '/content-manager/collection-types/api::notice.notice';
const PASSWORD = 'Redakcja-test-2026!';

let cms: RunningStrapi;
const tokens: Record<'editor' | 'author', string> = { editor: '', author: '' };
let institution: string;

const adminUser = (code: string, email: string) => adminUserToken(cms, code, email, PASSWORD);

beforeAll(async () => {
  cms = await bootStrapi({ seedDemo: true });
  tokens.editor = await adminUser('strapi-editor', 'redaktor@example.org');
  tokens.author = await adminUser('strapi-author', 'autor@example.org');
  institution = (
    await cms.strapi.db.query('api::institution.institution').findOne({ where: { slug: 'mops-czestochowa' } })
  ).documentId;
});
afterAll(async () => {
  await cms?.stop();
});

const draft = (role: 'editor' | 'author', slug: string) =>
  rest<{ data: { documentId: string } }>(cms.url, `${CM}?locale=pl`, {
    method: 'POST',
    token: tokens[role],
    body: { ...noticeData(institution, { slug }), institution: { connect: [{ documentId: institution }] } },
  });

describe('editorial roles', () => {
  let authorsNotice: string;

  it('an Author writes a draft', async () => {
    const created = await draft('author', 'szkic-autora');
    expect(created.status, created.text).toBe(201);
    authorsNotice = created.body.data.documentId;
  });

  it.each([
    ['publish', 'POST', (id: string) => `${CM}/${id}/actions/publish?locale=pl`],
    ['delete', 'DELETE', (id: string) => `${CM}/${id}?locale=pl`],
  ] as const)('an Author cannot %s it', async (_name, method, path) => {
    const response = await rest(cms.url, path(authorsNotice), {
      method,
      token: tokens.author,
      body: method === 'POST' ? {} : undefined,
    });
    expect(response.status).toBe(403);
  });

  it('an Author cannot change the site settings', async () => {
    const response = await rest(cms.url, '/content-manager/single-types/api::site-setting.site-setting', {
      method: 'PUT',
      token: tokens.author,
      body: { siteName: 'Przejęta tablica' },
    });
    expect(response.status).toBe(403);
  });

  it("an Editor publishes the Author's draft, and residents can read it", async () => {
    const response = await rest(cms.url, `${CM}/${authorsNotice}/actions/publish?locale=pl`, {
      method: 'POST',
      token: tokens.editor,
      body: {},
    });
    expect(response.status, response.text).toBe(200);
    const list = await rest<{ data: { slug: string }[] }>(cms.url, '/api/notices?filters[slug][$eq]=szkic-autora');
    expect(list.body.data.map((notice) => notice.slug)).toEqual(['szkic-autora']);
  });

  it('an Editor deletes a notice', async () => {
    const created = await draft('editor', 'do-usuniecia-przez-redaktora');
    expect(created.status, created.text).toBe(201);
    const response = await rest(cms.url, `${CM}/${created.body.data.documentId}?locale=pl`, {
      method: 'DELETE',
      token: tokens.editor,
    });
    expect(response.status, response.text).toBe(200);
  });
});
