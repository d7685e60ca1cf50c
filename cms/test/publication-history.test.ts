import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdminCall, adminLogin, editAndPublish as publishForm } from './helpers/admin.ts';
import { bootStrapi, type RunningStrapi } from './helpers/boot-strapi.mts';
import { createInstitution, noticeData } from './helpers/notices.ts';
import { rest } from './helpers/rest.mts';

/**
 * The record of what was announced, which CAP's references need: each announced version with its
 * sent time and text, per language, kept by the CMS at publication — through the admin API as
 * the edit form sends it, on SQLite and Postgres.
 */
const NOTICE = 'api::notice.notice';
const CM = `/content-manager/collection-types/${NOTICE}`;
const EDITOR = { email: 'redakcja@example.org', password: 'Haslo-Redakcji-2026!' };

let cms: RunningStrapi;
let institution: string;
let adminToken: string;

const admin: AdminCall = (method, path, body) =>
  rest<{ data: Record<string, unknown> }>(cms.url, path, { method, token: adminToken, body });
const editAndPublish = (documentId: string, changes: Record<string, unknown>, locale = 'pl') =>
  publishForm(admin, documentId, changes, locale);

interface Publication {
  revision: number;
  sent: string;
  notice: { summary?: string; title?: string };
}

async function history(documentId: string, locale = 'pl'): Promise<Publication[]> {
  const response = await rest<{ data: { publications: Publication[] } }>(
    cms.url,
    `/api/notices/${documentId}?locale=${locale}`,
  );
  expect(response.status, response.text).toBe(200);
  return response.body.data.publications;
}

beforeAll(async () => {
  cms = await bootStrapi({ env: { ADMIN_EMAIL: EDITOR.email, ADMIN_PASSWORD: EDITOR.password } });
  institution = await createInstitution(cms.strapi);
  adminToken = await adminLogin(cms.url, EDITOR);
});
afterAll(async () => {
  await cms?.stop();
});

describe(`the record of announced versions (${process.env.TABLICA_TEST_DB ?? 'sqlite'})`, () => {
  it('each announced version keeps its sent time and text; a correction rewrites the text, not the time', async () => {
    const created = await admin('POST', `${CM}?locale=pl`, noticeData(institution));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = String(created.body.data.documentId);
    await editAndPublish(id, {});
    const [first] = await history(id);
    expect(first).toMatchObject({ revision: 1, notice: { summary: noticeData(institution).summary } });

    await editAndPublish(id, {
      summary: 'Filia nr 3 jest zamknięta. Książki oddasz w bibliotece głównej.',
      significantChange: false,
    });
    const corrected = await history(id);
    expect(corrected).toHaveLength(1);
    expect(corrected[0]?.sent).toBe(first?.sent);
    expect(corrected[0]?.notice.summary).toBe('Filia nr 3 jest zamknięta. Książki oddasz w bibliotece głównej.');

    await editAndPublish(id, { summary: 'Filia nr 3 pozostaje zamknięta do 10 kwietnia.' });
    const [v1, v2] = await history(id);
    expect(v1).toEqual(corrected[0]);
    expect(v2).toMatchObject({ revision: 2, notice: { summary: 'Filia nr 3 pozostaje zamknięta do 10 kwietnia.' } });
    expect(Date.parse(v2?.sent ?? '')).toBeGreaterThan(Date.parse(v1?.sent ?? ''));
    // Only what residents read: never the CMS's own fields, never the history inside itself.
    expect(JSON.stringify(v2?.notice)).not.toMatch(/changeNote|significantChange|publications|revision|scheduled/);
  });

  it('a translation published later joins the current version in its own language', async () => {
    const created = await cms.strapi.documents(NOTICE).create({ locale: 'pl', data: noticeData(institution) as never });
    const id = created.documentId;
    await cms.strapi.documents(NOTICE).publish({ documentId: id, locale: 'pl' });
    await editAndPublish(id, { summary: 'Filia nr 3 pozostaje zamknięta do 10 kwietnia.' });
    const saved = await admin('PUT', `${CM}/${id}?locale=uk`, {
      title: 'Закриття філії бібліотеки до окремого повідомлення',
      summary: 'Філія № 3 зачинена до 10 квітня.',
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    await editAndPublish(id, {}, 'uk');
    expect((await history(id, 'uk')).map(({ revision, notice }) => [revision, notice.summary])).toEqual([
      [2, 'Філія № 3 зачинена до 10 квітня.'],
    ]);
    expect((await history(id, 'pl')).map(({ revision }) => revision)).toEqual([1, 2]);
  });

  it('the history is the CMS’s: a form or a script cannot write it, and a duplicate starts without it', async () => {
    const created = await cms.strapi.documents(NOTICE).create({ locale: 'pl', data: noticeData(institution) as never });
    const id = created.documentId;
    await cms.strapi.documents(NOTICE).publish({ documentId: id, locale: 'pl' });
    const forged = [{ revision: 7, sent: '2020-01-01T00:00:00.000Z', notice: { summary: 'Nieprawda' } }];
    await editAndPublish(id, { summary: 'Filia nr 3 otwiera się 1 kwietnia.', publications: forged });
    expect((await history(id)).map(({ revision }) => revision)).toEqual([1, 2]);

    const copy = await admin('POST', `${CM}/clone/${id}?locale=pl`, {
      title: 'Zamknięcie filii biblioteki nr 4 do odwołania',
    });
    expect(copy.status, JSON.stringify(copy.body)).toBe(200);
    const rows = await cms.strapi.db
      .query(NOTICE)
      .findMany({ where: { documentId: copy.body.data.documentId }, select: ['publications'] });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.publications ?? []).toEqual([]);
  });
});
