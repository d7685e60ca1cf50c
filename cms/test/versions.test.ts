import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdminCall, adminLogin, editAndPublish as publishForm } from './helpers/admin.ts';
import { bootStrapi, type RunningStrapi } from './helpers/boot-strapi.mts';
import { createInstitution, noticeData } from './helpers/notices.ts';
import { rest } from './helpers/rest.mts';

/**
 * What a publication announces, through the admin API exactly as the edit form sends it: a
 * significant change is a new version (revision +1: feeds' "Aktualizacja", CAP Update, iCal
 * SEQUENCE), a correction is published silently, and "Co się zmieniło" lands in the change
 * register in the language it was written in — on SQLite and Postgres.
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

interface PublicNotice {
  revision: number;
  summary: string;
  updates: { at: string; text: string }[];
  effectiveUntil?: string;
}

async function publicView(documentId: string, locale = 'pl') {
  const response = await rest<{ data: PublicNotice }>(cms.url, `/api/notices/${documentId}?locale=${locale}`);
  return response.status === 200 ? response.body.data : undefined;
}

async function publishedNotice() {
  const created = await cms.strapi.documents(NOTICE).create({ locale: 'pl', data: noticeData(institution) as never });
  await cms.strapi.documents(NOTICE).publish({ documentId: created.documentId, locale: 'pl' });
  return created.documentId;
}

beforeAll(async () => {
  cms = await bootStrapi({ env: { ADMIN_EMAIL: EDITOR.email, ADMIN_PASSWORD: EDITOR.password } });
  institution = await createInstitution(cms.strapi);
  adminToken = await adminLogin(cms.url, EDITOR);
});
afterAll(async () => {
  await cms?.stop();
});

describe(`what a publication announces (${process.env.TABLICA_TEST_DB ?? 'sqlite'})`, () => {
  it('a significant change with a note: version 2, the note in the register dated at publication, the form cleared', async () => {
    const id = await publishedNotice();
    const before = Date.now();
    await editAndPublish(id, {
      summary: 'Filia nr 3 pozostaje zamknięta do 10 kwietnia.',
      changeNote: '  Zamknięcie przedłużone do 10 kwietnia.  ',
    });
    const notice = await publicView(id);
    expect(notice).toMatchObject({ revision: 2, summary: 'Filia nr 3 pozostaje zamknięta do 10 kwietnia.' });
    expect(notice?.updates).toEqual([{ at: expect.any(String), text: 'Zamknięcie przedłużone do 10 kwietnia.' }]);
    const at = Date.parse(notice?.updates[0]?.at ?? '');
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(Date.now() + 1000);
    // The next change starts blank and significant; the notice does not read as modified.
    const form = (await admin('GET', `${CM}/${id}?locale=pl`)).body.data;
    expect(form).toMatchObject({ changeNote: null, significantChange: true, status: 'published' });
    // The note is the CMS's: it never appears in the public answer.
    expect(JSON.stringify(await publicView(id))).not.toMatch(/changeNote|significantChange/);
  });

  it('a correction (not significant) is published silently: the text changes, the version does not', async () => {
    const id = await publishedNotice();
    await editAndPublish(id, {
      summary: 'Filia nr 3 jest zamknięta. Książki oddasz w bibliotece głównej.',
      significantChange: false,
    });
    expect(await publicView(id)).toMatchObject({
      revision: 1,
      summary: 'Filia nr 3 jest zamknięta. Książki oddasz w bibliotece głównej.',
      updates: [],
    });
    expect((await admin('GET', `${CM}/${id}?locale=pl`)).body.data).toMatchObject({ significantChange: true });
    // The next change is significant again unless the editor says otherwise.
    await editAndPublish(id, { summary: 'Filia nr 3 otwiera się 1 kwietnia.' });
    expect(await publicView(id)).toMatchObject({ revision: 2 });
  });

  it('a new end date is never a mere correction, whatever was ticked', async () => {
    const id = await publishedNotice();
    await editAndPublish(id, { effectiveUntilDate: '2026-04-10', significantChange: false });
    const notice = await publicView(id);
    expect(notice).toMatchObject({ revision: 2, effectiveUntil: '2026-04-10T22:00:00.000Z' });
  });

  it('a note written with the first publication, or with a first translation, describes no change: dropped', async () => {
    const created = await admin('POST', `${CM}?locale=pl`, {
      ...noticeData(institution),
      changeNote: 'Pierwsza wersja.',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = String(created.body.data.documentId);
    await editAndPublish(id, {});
    expect(await publicView(id)).toMatchObject({ revision: 1, updates: [] });
    const uk = await admin('PUT', `${CM}/${id}?locale=uk`, {
      title: 'Закриття філії бібліотеки до окремого повідомлення',
      summary: 'Філія № 3 зачинена. Книжки можна повернути до головної бібліотеки.',
      changeNote: 'Переклад.',
    });
    expect(uk.status, JSON.stringify(uk.body)).toBe(200);
    await editAndPublish(id, {}, 'uk');
    expect(await publicView(id, 'uk')).toMatchObject({ revision: 1, updates: [] });
    expect((await admin('GET', `${CM}/${id}?locale=uk`)).body.data).toMatchObject({ changeNote: null });
  });

  it('each language keeps its own note: a Ukrainian note stays in the Ukrainian register', async () => {
    const id = await publishedNotice();
    await cms.strapi.documents(NOTICE).update({
      documentId: id,
      locale: 'uk',
      data: { title: 'Закриття філії бібліотеки до окремого повідомлення', summary: 'Філія № 3 зачинена.' } as never,
    });
    await cms.strapi.documents(NOTICE).publish({ documentId: id, locale: 'uk' });
    await editAndPublish(id, { summary: 'Філія № 3 зачинена до 10 квітня.', changeNote: 'Закриття продовжено.' }, 'uk');
    expect((await publicView(id, 'uk'))?.updates.map((update) => update.text)).toEqual(['Закриття продовжено.']);
    expect((await publicView(id, 'pl'))?.updates).toEqual([]);
    expect((await publicView(id, 'pl'))?.revision).toBe(2);
  });

  it('a script publishing at once (REST ?status=published) is held to the same rules', async () => {
    const { createApiToken } = await import('./helpers/boot-strapi.mts');
    const writer = await createApiToken(cms.strapi, 'full-access');
    const id = await publishedNotice();
    const response = await rest(cms.url, `/api/notices/${id}?status=published&locale=pl`, {
      method: 'PUT',
      token: writer,
      body: { data: { summary: 'Filia nr 3 otwiera się 1 kwietnia.', changeNote: 'Znamy datę otwarcia.' } },
    });
    expect(response.status, response.text).toBe(200);
    const notice = await publicView(id);
    expect(notice).toMatchObject({ revision: 2, updates: [{ text: 'Znamy datę otwarcia.' }] });
    // Created and published at once: there is no earlier version for a note to describe.
    const created = await rest<{ data: { documentId: string } }>(cms.url, '/api/notices?status=published', {
      method: 'POST',
      token: writer,
      body: { data: { ...noticeData(institution), changeNote: 'Pierwsza wersja.' } },
    });
    expect(created.status, created.text).toBe(201);
    expect(await publicView(created.body.data.documentId)).toMatchObject({ revision: 1, updates: [] });
  });
});
