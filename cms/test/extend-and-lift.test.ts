import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminUserToken } from './helpers/admin.ts';
import { bootStrapi, type RunningStrapi } from './helpers/boot-strapi.mts';
import { createInstitution, noticeData } from './helpers/notices.ts';
import { rest } from './helpers/rest.mts';

/**
 * "Przedłuż" and "Odwołaj": one request each (what the edit view's buttons send), and the notice
 * residents read changes in every language at once — a new version with its change-register
 * entry — or the editor is told, in Polish, why not. SQLite and Postgres.
 */
const NOTICE = 'api::notice.notice';
const CM = `/content-manager/collection-types/${NOTICE}`;
const PASSWORD = 'Redakcja-test-2026!';

let cms: RunningStrapi;
let institution: string;
const tokens = { editor: '', author: '' };

interface PublicNotice {
  revision: number;
  effectiveUntil?: string;
  liftedAt?: string;
  updates: { at: string; text: string }[];
}

const adminUser = (code: string, email: string) => adminUserToken(cms, code, email, PASSWORD);

const act = (action: 'extend' | 'lift', documentId: string, body: Record<string, unknown>, token = tokens.editor) =>
  rest<{ data: { revision: number; until: string }; error?: { message: string } }>(
    cms.url,
    `/tablica/notices/${documentId}/${action}`,
    { method: 'POST', token, body },
  );

async function publicView(documentId: string, locale = 'pl') {
  const response = await rest<{ data: PublicNotice }>(cms.url, `/api/notices/${documentId}?locale=${locale}`);
  return response.status === 200 ? response.body.data : undefined;
}

/** A notice "until 25 March 2026" published in Polish and Ukrainian. */
async function publishedNotice(overrides: Record<string, unknown> = {}) {
  const documents = cms.strapi.documents(NOTICE);
  const created = await documents.create({ locale: 'pl', data: noticeData(institution, overrides) as never });
  await documents.update({
    documentId: created.documentId,
    locale: 'uk',
    data: { title: 'Закриття філії бібліотеки до 25 березня', summary: 'Філія № 3 зачинена.' } as never,
  });
  await documents.publish({ documentId: created.documentId, locale: ['pl', 'uk'] });
  return created.documentId;
}

beforeAll(async () => {
  cms = await bootStrapi({ env: { SITE_PUBLIC_URL: 'https://komunikaty.example.org/' } });
  institution = await createInstitution(cms.strapi);
  tokens.editor = await adminUser('strapi-editor', 'redaktor@example.org');
  tokens.author = await adminUser('strapi-author', 'autor@example.org');
});
afterAll(async () => {
  await cms?.stop();
});

describe(`Przedłuż: a new last day, in one step (${process.env.TABLICA_TEST_DB ?? 'sqlite'})`, () => {
  it('extends "until 25 March" to "until 10 April" in every language: version 2, a register entry in each', async () => {
    const id = await publishedNotice();
    const response = await act('extend', id, { untilDate: '2026-04-10', note: 'Remont potrwa dłużej.' });
    expect(response.status, response.text).toBe(200);
    expect(response.body.data).toEqual({ revision: 2, until: 'do 10 kwietnia 2026 r.' });
    const [pl, uk] = [await publicView(id), await publicView(id, 'uk')];
    // The last day is 10 April in Warsaw: it ends at the first instant of the 11th.
    expect(pl).toMatchObject({ revision: 2, effectiveUntil: '2026-04-10T22:00:00.000Z' });
    expect(uk).toMatchObject({ revision: 2, effectiveUntil: '2026-04-10T22:00:00.000Z' });
    expect(pl?.updates.map((entry) => entry.text)).toEqual([
      'Przedłużono do 10 kwietnia 2026 r. Remont potrwa dłużej.',
    ]);
    expect(uk?.updates.map((entry) => entry.text)).toEqual([expect.stringMatching(/^Продовжено до 10 квітня 2026/)]);
    // Nothing is left behind as an unpublished change; the form shows the new day.
    const form = await rest<{ data: Record<string, unknown> }>(cms.url, `${CM}/${id}?locale=pl`, {
      token: tokens.editor,
    });
    expect(form.body.data).toMatchObject({ status: 'published', effectiveUntilDate: '2026-04-10', changeNote: null });
  });

  it('to a time of day, or until further notice', async () => {
    const id = await publishedNotice();
    const timed = await act('extend', id, { untilDate: '2026-03-27', untilTime: '16:00' });
    expect(timed.status, timed.text).toBe(200);
    expect(await publicView(id)).toMatchObject({ effectiveUntil: '2026-03-27T15:00:00.000Z' });
    const open = await act('extend', id, { untilDate: null });
    expect(open.body.data).toEqual({ revision: 3, until: 'do odwołania' });
    expect((await publicView(id))?.effectiveUntil).toBeUndefined();
    expect((await publicView(id))?.updates.at(-1)?.text).toBe('Przedłużono do odwołania.');
  });

  it.each([
    [
      'an earlier or the same last day',
      { untilDate: '2026-03-25' },
      /Nowy koniec \(do 25 marca 2026 r\.\) musi być późniejszy niż obecny \(do 25 marca 2026 r\.\)/,
    ],
    ['a day that is not a day', { untilDate: '10 kwietnia' }, /Wybierz ostatni dzień/],
    ['a note of 401 characters', { untilDate: '2026-04-10', note: 'x'.repeat(401) }, /skróć go do 400 znaków/],
  ])('refuses %s, saying why, and changes nothing', async (_case, body, message) => {
    const id = await publishedNotice();
    const response = await act('extend', id, body);
    expect(response.status).toBe(400);
    expect(response.body.error?.message).toMatch(message);
    expect(await publicView(id)).toMatchObject({ revision: 1, effectiveUntil: '2026-03-25T23:00:00.000Z' });
  });

  it('refuses a notice in force until further notice, a draft, and one with unpublished edits', async () => {
    const open = await publishedNotice({ effectiveUntil: null });
    expect((await act('extend', open, { untilDate: '2026-04-10' })).body.error?.message).toMatch(/do odwołania/);
    const draft = await cms.strapi.documents(NOTICE).create({ locale: 'pl', data: noticeData(institution) as never });
    expect((await act('extend', draft.documentId, { untilDate: '2026-04-10' })).body.error?.message).toMatch(
      /nie jest opublikowany/,
    );
    const edited = await publishedNotice();
    await cms.strapi.documents(NOTICE).update({
      documentId: edited,
      locale: 'uk',
      data: { summary: 'Ще не опублікована зміна.' } as never,
    });
    const response = await act('extend', edited, { untilDate: '2026-04-10' });
    expect(response.status).toBe(400);
    expect(response.body.error?.message).toMatch(/nie zostały opublikowane \(uk\)/);
    expect(await publicView(edited, 'uk')).toMatchObject({ revision: 1 });
  });

  it('an Author, who may not publish, may not extend or lift', async () => {
    const id = await publishedNotice();
    expect((await act('extend', id, { untilDate: '2026-04-10' }, tokens.author)).status).toBe(403);
    expect((await act('lift', id, {}, tokens.author)).status).toBe(403);
    expect((await act('lift', id, {}, '')).status).toBe(401);
    expect(await publicView(id)).toMatchObject({ revision: 1 });
  });
});

describe(`Odwołaj: the notice ends now, in one step (${process.env.TABLICA_TEST_DB ?? 'sqlite'})`, () => {
  it('lifts a notice in force: lifted now, version 2, "odwołano" in every language; then nothing more to do', async () => {
    const id = await publishedNotice({
      effectiveFrom: '2026-01-01T00:00:00+01:00',
      effectiveUntil: '2030-03-25T23:00:00Z',
    });
    const before = Date.now();
    const response = await act('lift', id, { note: 'Awaria usunięta.' });
    expect(response.status, response.text).toBe(200);
    expect(response.body.data.revision).toBe(2);
    const [pl, uk] = [await publicView(id), await publicView(id, 'uk')];
    const liftedAt = Date.parse(pl?.liftedAt ?? '');
    expect(liftedAt).toBeGreaterThanOrEqual(before - 1000);
    expect(liftedAt).toBeLessThanOrEqual(Date.now() + 1000);
    expect(uk?.liftedAt).toBe(pl?.liftedAt);
    expect(pl?.updates.map((entry) => entry.text)).toEqual(['Komunikat odwołano. Awaria usunięta.']);
    expect(uk?.updates.map((entry) => entry.text)).toEqual(['Повідомлення скасовано.']);
    expect((await act('lift', id, {})).body.error?.message).toMatch(/został już odwołany/);
    expect((await act('extend', id, { untilDate: '2031-01-01' })).body.error?.message).toMatch(/został już odwołany/);
  });

  it('refuses a notice that is already over', async () => {
    const id = await publishedNotice({
      effectiveFrom: '2020-03-16T00:00:00+01:00',
      effectiveUntil: '2020-03-25T23:00:00Z',
    });
    const response = await act('lift', id, {});
    expect(response.status).toBe(400);
    expect(response.body.error?.message).toBe(
      'Ten komunikat już nie obowiązuje (do 25 marca 2020 r.). Nie ma czego odwoływać.',
    );
  });
});

describe(`"Zobacz w serwisie" (${process.env.TABLICA_TEST_DB ?? 'sqlite'})`, () => {
  it('links each published language to its page on the site, and a draft to nothing', async () => {
    const siteUrl = (documentId: string, locale: string) =>
      rest<{ data: { url: string | null } }>(cms.url, `/tablica/notices/${documentId}/site-url?locale=${locale}`, {
        token: tokens.author,
      });
    const id = await publishedNotice({ slug: 'filia-nr-3-zamknieta' });
    expect((await siteUrl(id, 'pl')).body.data.url).toBe(
      'https://komunikaty.example.org/komunikaty/filia-nr-3-zamknieta/',
    );
    expect((await siteUrl(id, 'uk')).body.data.url).toBe(
      'https://komunikaty.example.org/uk/notices/filia-nr-3-zamknieta/',
    );
    expect((await siteUrl(id, 'en')).body.data.url).toBeNull();
    const draft = await cms.strapi.documents(NOTICE).create({ locale: 'pl', data: noticeData(institution) as never });
    expect((await siteUrl(draft.documentId, 'pl')).body.data.url).toBeNull();
    expect((await rest(cms.url, `/tablica/notices/${id}/site-url?locale=pl`)).status).toBe(401);
  });
});
