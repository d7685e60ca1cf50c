import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminLogin } from './helpers/admin.ts';
import { bootStrapi, createApiToken, type RunningStrapi } from './helpers/boot-strapi.mts';
import { createInstitution, noticeData } from './helpers/notices.ts';
import { rest } from './helpers/rest.mts';

/**
 * Every way a notice is written — the admin panel's API (what an editor's clicks send) and REST
 * (scripts) — must apply the same rules, on SQLite and on Postgres. Each refused write leaves
 * nothing behind: no new document, no changed draft, nothing public.
 */
const NOTICE = 'api::notice.notice';
const CM = `/content-manager/collection-types/${NOTICE}`;
const EDITOR = { email: 'redakcja@example.org', password: 'Haslo-Redakcji-2026!' };

/** What an attacker or a careless editor sends: a script link, a phone "12", an end before the start. */
const BAD = {
  links: [{ label: 'Kliknij', url: 'javascript:alert(1)' }],
  channels: [{ kind: 'phone', label: 'Telefon', value: '12' }],
  effectiveFrom: '2026-03-25T00:00:00+01:00',
  effectiveUntil: '2026-03-16T00:00:00+01:00',
};

let cms: RunningStrapi;
let writer: string;
let institution: string;
let adminToken: string;

const admin = (method: string, path: string, body?: unknown) =>
  rest<Record<string, unknown>>(cms.url, path, { method, token: adminToken, body });
const restWrite = (method: string, path: string, body?: unknown) =>
  rest<{ data: { documentId: string } }>(cms.url, path, { method, token: writer, body });

/** What the public sees of a notice (its published version), or undefined. */
async function publicView(documentId: string, locale = 'pl') {
  const response = await rest<{ data?: Record<string, unknown> }>(
    cms.url,
    `/api/notices/${documentId}?locale=${locale}`,
  );
  return response.status === 200 ? response.body.data : undefined;
}

const notices = () => cms.strapi.documents(NOTICE);
const slugOf = async (documentId: string) =>
  ((await notices().findOne({ documentId, locale: 'pl' })) as unknown as { slug: string }).slug;
const count = () => cms.strapi.db.query(NOTICE).count({});

/** A valid notice, created as a draft (and published when asked), in Polish and English. */
async function validNotice({ publish = false, english = false } = {}) {
  const created = await notices().create({ locale: 'pl', data: noticeData(institution) as never });
  if (english) {
    await notices().update({
      documentId: created.documentId,
      locale: 'en',
      data: { title: 'Library branch closed until further notice', summary: 'Branch 3 is closed.' } as never,
    });
  }
  if (publish) await notices().publish({ documentId: created.documentId, locale: english ? '*' : 'pl' });
  return created.documentId;
}

/** Makes a stored draft invalid behind the rules' back (as an old release or a direct DB edit could). */
async function spoilDraft(documentId: string, locale = 'pl') {
  await cms.strapi.db.query(NOTICE).updateMany({
    where: { documentId, locale, publishedAt: null },
    data: { title: 'x', effectiveUntil: '2020-01-01T00:00:00Z' },
  });
}

beforeAll(async () => {
  cms = await bootStrapi({ env: { ADMIN_EMAIL: EDITOR.email, ADMIN_PASSWORD: EDITOR.password } });
  writer = await createApiToken(cms.strapi, 'full-access');
  institution = await createInstitution(cms.strapi);
  adminToken = await adminLogin(cms.url, EDITOR);
});
afterAll(async () => {
  await cms?.stop();
});

describe(`invalid content is refused on every write path (${process.env.TABLICA_TEST_DB ?? 'sqlite'})`, () => {
  it.each([
    [
      'REST create + publish',
      () => restWrite('POST', '/api/notices?status=published', { data: noticeData(institution, BAD) }),
    ],
    [
      'REST create as draft',
      () => restWrite('POST', '/api/notices?status=draft', { data: noticeData(institution, BAD) }),
    ],
    ['admin create', () => admin('POST', `${CM}?locale=pl`, noticeData(institution, BAD))],
    ['admin create + publish', () => admin('POST', `${CM}/actions/publish?locale=pl`, noticeData(institution, BAD))],
  ])('%s → 400, nothing created', async (_path, write) => {
    const before = await count();
    const response = await write();
    expect(response.status, response.text).toBe(400);
    expect(response.text).toMatch(/Numer telefonu jest nieprawidłowy/);
    expect(response.text).toMatch(/zaczynający się od https:\/\//);
    expect(response.text).toMatch(/Data końcowa musi być późniejsza/);
    expect(await count()).toBe(before);
  });

  it.each([
    [
      'REST update of the published version',
      (id: string) => restWrite('PUT', `/api/notices/${id}?status=published`, { data: BAD }),
    ],
    ['REST update of the draft', (id: string) => restWrite('PUT', `/api/notices/${id}?status=draft`, { data: BAD })],
    ['admin update', (id: string) => admin('PUT', `${CM}/${id}?locale=pl`, { ...noticeData(institution), ...BAD })],
    ['admin update + publish', (id: string) => admin('POST', `${CM}/${id}/actions/publish?locale=pl`, BAD)],
    [
      'admin new English version',
      (id: string) => admin('PUT', `${CM}/${id}?locale=en`, { title: 'English title here', summary: 'x', ...BAD }),
    ],
    [
      'REST new English version',
      (id: string) =>
        restWrite('PUT', `/api/notices/${id}?locale=en&status=draft`, {
          data: { title: 'English title here', summary: 'x', ...BAD },
        }),
    ],
  ])('%s → 400; the draft and the public version are unchanged', async (_path, write) => {
    const id = await validNotice({ publish: true });
    const draftBefore = await notices().findOne({ documentId: id, locale: 'pl', status: 'draft' });
    const publicBefore = await publicView(id);
    const response = await write(id);
    expect(response.status, response.text).toBe(400);
    expect(await notices().findOne({ documentId: id, locale: 'pl', status: 'draft' })).toMatchObject({
      title: draftBefore?.title,
      effectiveUntil: draftBefore?.effectiveUntil,
    });
    expect(await publicView(id)).toEqual(publicBefore);
    expect(await publicView(id, 'en')).toBeUndefined();
  });

  it.each([
    [
      'admin clone with bad changes',
      (id: string) => admin('POST', `${CM}/clone/${id}?locale=pl`, { ...noticeData(institution), ...BAD }),
    ],
    // Two documents at one address: the site would have one page for both.
    [
      'REST create with a slug in use',
      async (id: string) => {
        const slug = await slugOf(id);
        return restWrite('POST', '/api/notices?status=draft', { data: noticeData(institution, { slug }) });
      },
    ],
  ])('%s → 400, no new document', async (_path, write) => {
    const id = await validNotice();
    const before = await count();
    const response = await write(id);
    expect(response.status, response.text).toBe(400);
    expect(await count()).toBe(before);
  });

  describe('the address (slug) follows the title until the first publication', () => {
    const title = (suffix: string) => `Zamknięcie pływalni miejskiej ${suffix}`;
    const unique = () => Math.random().toString(36).slice(2, 7);

    it.each([
      ['Strapi’s placeholder', { slug: 'notice' }],
      ['a numbered placeholder', { slug: 'notice-1' }],
      ['no slug at all', { slug: undefined }],
    ])('%s is replaced by the title’s, over REST and in the admin', async (_name, overrides) => {
      const suffix = unique();
      const viaRest = await restWrite('POST', '/api/notices?status=draft', {
        data: noticeData(institution, { title: title(suffix), ...overrides }),
      });
      expect(viaRest.status, viaRest.text).toBe(201);
      expect(await slugOf(viaRest.body.data.documentId)).toBe(`zamkniecie-plywalni-miejskiej-${suffix}`);
      const viaAdmin = await admin(
        'POST',
        `${CM}?locale=pl`,
        noticeData(institution, { title: title(suffix), ...overrides }),
      );
      expect(viaAdmin.status, viaAdmin.text).toBe(201);
      // The second notice of that title gets the next free address.
      expect(await slugOf((viaAdmin.body.data as { documentId: string }).documentId)).toBe(
        `zamkniecie-plywalni-miejskiej-${suffix}-2`,
      );
    });

    it('a saved draft still at the placeholder gets the title’s address on its next save', async () => {
      const suffix = unique();
      const id = await validNotice();
      await cms.strapi.db.query(NOTICE).updateMany({ where: { documentId: id }, data: { slug: 'notice' } });
      const saved = await admin('PUT', `${CM}/${id}?locale=pl`, { title: title(suffix) });
      expect(saved.status, saved.text).toBe(200);
      expect(await slugOf(id)).toBe(`zamkniecie-plywalni-miejskiej-${suffix}`);
    });

    it('a slug the editor typed is kept; a published notice keeps its address when its title changes', async () => {
      const typed = `basen-${unique()}`;
      const created = await restWrite('POST', '/api/notices?status=draft', {
        data: noticeData(institution, { slug: typed }),
      });
      expect(await slugOf(created.body.data.documentId)).toBe(typed);
      const id = await validNotice({ publish: true });
      const before = await slugOf(id);
      const saved = await admin('PUT', `${CM}/${id}?locale=pl`, { title: title(unique()) });
      expect(saved.status, saved.text).toBe(200);
      expect(await slugOf(id)).toBe(before);
    });

    it('a duplicate gets its own address from its title, not its source’s', async () => {
      const id = await validNotice({ publish: true });
      const source = await slugOf(id);
      const sameTitle = await admin('POST', `${CM}/clone/${id}?locale=pl`, { slug: source });
      expect(sameTitle.status, sameTitle.text).toBe(200);
      const copy = await slugOf((sameTitle.body.data as { documentId: string }).documentId);
      expect(copy).not.toBe(source);
      expect(copy).toMatch(/^zamkniecie-filii-biblioteki-do-odwolania(-\d+)?$/);
      const suffix = unique();
      const renamed = await admin('POST', `${CM}/clone/${id}?locale=pl`, { title: title(suffix) });
      expect(await slugOf((renamed.body.data as { documentId: string }).documentId)).toBe(
        `zamkniecie-plywalni-miejskiej-${suffix}`,
      );
    });

    it('publishing from the admin replaces a placeholder; a script publishing one as it is is refused, named', async () => {
      const fromAdmin = await validNotice();
      await cms.strapi.db.query(NOTICE).updateMany({ where: { documentId: fromAdmin }, data: { slug: 'notice' } });
      const publish = await admin('POST', `${CM}/${fromAdmin}/actions/publish?locale=pl`, {});
      expect(publish.status, publish.text).toBe(200);
      expect(await slugOf(fromAdmin)).toMatch(/^zamkniecie-filii-biblioteki-do-odwolania(-\d+)?$/);
      const fromScript = await validNotice();
      await cms.strapi.db.query(NOTICE).updateMany({ where: { documentId: fromScript }, data: { slug: 'notice' } });
      await expect(notices().publish({ documentId: fromScript, locale: 'pl' })).rejects.toThrow();
      const refusal = await notices()
        .publish({ documentId: fromScript, locale: 'pl' })
        .catch((error: { details?: { errors?: { message: string }[] } }) => error.details?.errors ?? []);
      expect(JSON.stringify(refusal)).toContain('to tylko wypełniacz');
      expect(await publicView(fromScript)).toBeUndefined();
    });
  });

  describe('the period as editors enter it (a day, inclusive, and an optional time) and as outputs read it', () => {
    const row = async (documentId: string) =>
      (await cms.strapi.db.query(NOTICE).findOne({ where: { documentId, locale: 'pl', publishedAt: null } })) as {
        effectiveFrom: string | Date;
        effectiveUntil: string | Date | null;
        effectiveFromDate: string;
        effectiveFromTime: string | null;
        effectiveUntilDate: string | null;
        effectiveUntilTime: string | null;
      };
    const iso = (value: string | Date | null) => (value ? new Date(value).toISOString() : null);

    it.each([
      ['the last day', { effectiveUntilDate: '2026-03-25', effectiveUntilTime: null }, '2026-03-25T23:00:00.000Z'],
      [
        'a day and a time',
        { effectiveUntilDate: '2026-03-25', effectiveUntilTime: '16:00:00.000' },
        '2026-03-25T15:00:00.000Z',
      ],
      ['no day: until further notice', { effectiveUntilDate: null, effectiveUntilTime: null }, null],
    ])('the admin form sends %s → the end residents read', async (_name, entered, until) => {
      const id = await validNotice();
      const saved = await admin('PUT', `${CM}/${id}?locale=pl`, {
        effectiveFromDate: '2026-03-16',
        effectiveFromTime: null,
        ...entered,
      });
      expect(saved.status, saved.text).toBe(200);
      const stored = await row(id);
      expect(iso(stored.effectiveFrom)).toBe('2026-03-15T23:00:00.000Z');
      expect(iso(stored.effectiveUntil)).toBe(until);
    });

    it('a script that writes the instants gets the days filled in (a midnight end is the day before)', async () => {
      const created = await restWrite('POST', '/api/notices?status=draft', {
        data: noticeData(institution, {
          effectiveFrom: '2026-03-16T07:30:00Z',
          effectiveUntil: '2026-03-25T23:00:00Z',
        }),
      });
      expect(created.status, created.text).toBe(201);
      const stored = await row(created.body.data.documentId);
      // SQLite gives a time back as written ("08:30:00.000"), Postgres as "08:30:00".
      expect({ ...stored, effectiveFromTime: stored.effectiveFromTime?.slice(0, 5) }).toMatchObject({
        effectiveFromDate: '2026-03-16',
        effectiveFromTime: '08:30',
        effectiveUntilDate: '2026-03-25',
        effectiveUntilTime: null,
      });
    });

    it('an end before the start, entered as days, is told next to the day', async () => {
      const id = await validNotice();
      const saved = await admin('PUT', `${CM}/${id}?locale=pl`, {
        effectiveFromDate: '2026-03-16',
        effectiveUntilDate: '2026-03-10',
      });
      expect(saved.status, saved.text).toBe(400);
      expect(JSON.stringify(saved.body)).toContain('"effectiveUntilDate"');
    });
  });

  it('a valid clone starts unpublished at revision 0, whatever its source had', async () => {
    const id = await validNotice({ publish: true });
    const response = await admin('POST', `${CM}/clone/${id}?locale=pl`, {
      ...noticeData(institution),
      slug: `klon-${id.slice(0, 6).toLowerCase()}`,
    });
    expect(response.status, response.text).toBe(200);
    const cloneId = (response.body.data as { documentId: string }).documentId;
    const clone = await notices().findOne({ documentId: cloneId, locale: 'pl', status: 'draft' });
    expect(clone).toMatchObject({ revision: 0 });
    expect(await publicView(cloneId)).toBeUndefined();
  });

  it.each([
    ['admin publish', (id: string) => admin('POST', `${CM}/${id}/actions/publish?locale=pl`, {})],
    [
      'admin bulk publish (locale "pl")',
      (id: string) => admin('POST', `${CM}/actions/bulkPublish`, { documentIds: [id], locale: 'pl' }),
    ],
    [
      'admin bulk publish (locale ["pl", "en"])',
      (id: string) => admin('POST', `${CM}/actions/bulkPublish`, { documentIds: [id], locale: ['pl', 'en'] }),
    ],
    [
      'admin bulk publish (no locale)',
      (id: string) => admin('POST', `${CM}/actions/bulkPublish`, { documentIds: [id] }),
    ],
    [
      'document service publish (locale "*")',
      (id: string) =>
        notices()
          .publish({ documentId: id, locale: '*' })
          .then(
            () => ({ status: 200, text: '' }),
            (error: Error) => ({ status: 400, text: error.message }),
          ),
    ],
    [
      'document service publish (locale ["en", "pl"])',
      (id: string) =>
        notices()
          .publish({ documentId: id, locale: ['en', 'pl'] } as never)
          .then(
            () => ({ status: 200, text: '' }),
            (error: Error) => ({ status: 400, text: error.message }),
          ),
    ],
  ])('an invalid stored draft is not published by %s', async (_path, publish) => {
    const id = await validNotice({ english: true });
    await spoilDraft(id);
    const response = await publish(id);
    expect(response.status, response.text).toBe(400);
    expect(await publicView(id)).toBeUndefined();
    expect(await publicView(id, 'en')).toBeUndefined();
  });
});

describe('what the system owns, no write client can set', () => {
  it.each([
    [
      'REST create',
      () => restWrite('POST', '/api/notices?status=published', { data: noticeData(institution, { revision: 9999 }) }),
    ],
    ['admin create', () => admin('POST', `${CM}?locale=pl`, noticeData(institution, { revision: 9999 }))],
  ])('%s with revision 9999 → 400', async (_path, write) => {
    const response = await write();
    expect(response.status, response.text).toBe(400);
    expect(response.text).toMatch(/wersji nadaje system/);
  });

  it('REST update with a revision → 400; the admin form resending the shown revision saves, and publishing counts from it', async () => {
    const id = await validNotice({ publish: true });
    const forged = await restWrite('PUT', `/api/notices/${id}?status=draft`, { data: { revision: 9999 } });
    expect(forged.status, forged.text).toBe(400);
    const slug = await slugOf(id);
    const shown = await admin('PUT', `${CM}/${id}?locale=pl`, {
      ...noticeData(institution),
      slug,
      revision: 1,
      summary: 'Zmiana z formularza.',
    });
    expect(shown.status, shown.text).toBe(200);
    await notices().publish({ documentId: id, locale: 'pl' });
    expect(await publicView(id)).toMatchObject({ revision: 2, summary: 'Zmiana z formularza.' });
  });

  it('the revision counts changes residents read: not a published translation, not the same text published again', async () => {
    const id = await validNotice({ publish: true });
    const revision = async (locale = 'pl') => (await publicView(id, locale))?.revision;
    expect(await revision()).toBe(1);
    // The Ukrainian version, written and published: the notice did not change.
    const uk = await admin('PUT', `${CM}/${id}?locale=uk`, {
      title: 'Закриття філії бібліотеки до окремого повідомлення',
      summary: 'Філія № 3 зачинена. Книжки можна повернути до головної бібліотеки.',
    });
    expect(uk.status, uk.text).toBe(200);
    const published = await admin('POST', `${CM}/${id}/actions/publish?locale=uk`, {});
    expect(published.status, published.text).toBe(200);
    expect([await revision(), await revision('uk')]).toEqual([1, 1]);
    // Published again as it is, in every language: still nothing new.
    await notices().publish({ documentId: id, locale: '*' });
    expect(await revision()).toBe(1);
    // A real change of the Polish text: version 2, in every language.
    await notices().update({
      documentId: id,
      locale: 'pl',
      data: { summary: 'Filia nr 3 otwiera się 1 kwietnia.' } as never,
    });
    await notices().publish({ documentId: id, locale: 'pl' });
    expect([await revision(), await revision('uk')]).toEqual([2, 2]);
  });

  it('a notice cannot supersede itself, nor close a cycle', async () => {
    const first = await validNotice();
    const self = await restWrite('PUT', `/api/notices/${first}?status=draft`, { data: { supersedes: first } });
    expect(self.status, self.text).toBe(400);
    expect(self.text).toMatch(/samego siebie/);
    const second = await validNotice();
    expect(
      (await restWrite('PUT', `/api/notices/${second}?status=draft`, { data: { supersedes: first } })).status,
    ).toBe(200);
    const cycle = await admin('PUT', `${CM}/${first}?locale=pl`, {
      ...noticeData(institution),
      supersedes: { connect: [{ documentId: second }] },
    });
    expect(cycle.status, cycle.text).toBe(400);
  });

  it('an institution that notices use cannot be deleted (REST, admin, admin bulk delete); an unused one can', async () => {
    await validNotice({ publish: true });
    const tryRest = await restWrite('DELETE', `/api/institutions/${institution}`);
    const tryAdmin = await admin(
      'DELETE',
      `/content-manager/collection-types/api::institution.institution/${institution}`,
    );
    const tryBulk = await admin(
      'POST',
      '/content-manager/collection-types/api::institution.institution/actions/bulkDelete',
      { documentIds: [institution] },
    );
    for (const response of [tryRest, tryAdmin, tryBulk]) {
      expect(response.status, response.text).toBe(400);
      expect(response.text).toMatch(/nie można usunąć/);
    }
    expect(
      await cms.strapi.documents('api::institution.institution').findOne({ documentId: institution }),
    ).not.toBeNull();
    const unused = await createInstitution(cms.strapi, 'nieuzywana-instytucja');
    expect((await restWrite('DELETE', `/api/institutions/${unused}`)).status).toBeLessThan(300);
  });
});

describe('what was checked is what is stored', () => {
  it.each([
    ['REST', (data: Record<string, unknown>) => restWrite('POST', '/api/notices?status=published', { data })],
    ['admin', (data: Record<string, unknown>) => admin('POST', `${CM}/actions/publish?locale=pl`, data)],
  ])(
    '%s: a title and a channel label typed with line breaks and spaces around come out trimmed',
    async (_path, write) => {
      const response = await write(
        noticeData(institution, {
          title: '\r\n  Zamknięcie filii biblioteki przy Placu  \t',
          channels: [{ kind: 'phone', label: '  Wypożyczalnia \r\n', value: ' 34 370 82 00 ' }],
        }),
      );
      expect(response.status, response.text).toBeLessThan(300);
      const documentId = ((response.body as { data: { documentId: string } }).data ?? response.body).documentId;
      expect(await publicView(documentId)).toMatchObject({
        title: 'Zamknięcie filii biblioteki przy Placu',
        channels: [expect.objectContaining({ label: 'Wypożyczalnia', value: '+48343708200' })],
      });
    },
  );

  it('an institution name too', async () => {
    const created = await restWrite('POST', '/api/institutions', {
      data: { slug: 'odstepy', name: '\n  Urząd Miasta z odstępami  ', type: 'city-hall' },
    });
    expect(created.status, created.text).toBeLessThan(300);
    const stored = await cms.strapi
      .documents('api::institution.institution')
      .findOne({ documentId: created.body.data.documentId });
    expect(stored?.name).toBe('Urząd Miasta z odstępami');
  });
});

describe('the other write paths still work', () => {
  it('unpublish, discard a draft, delete', async () => {
    const id = await validNotice({ publish: true });
    const slug = await slugOf(id);
    const edited = await admin('PUT', `${CM}/${id}?locale=pl`, {
      ...noticeData(institution),
      slug,
      summary: 'Szkic do odrzucenia.',
    });
    expect(edited.status, edited.text).toBe(200);
    const discarded = await admin('POST', `${CM}/${id}/actions/discard?locale=pl`, {});
    expect(discarded.status, discarded.text).toBe(200);
    expect((await notices().findOne({ documentId: id, locale: 'pl', status: 'draft' }))?.summary).not.toBe(
      'Szkic do odrzucenia.',
    );
    const unpublished = await admin('POST', `${CM}/${id}/actions/unpublish?locale=pl`, {});
    expect(unpublished.status, unpublished.text).toBe(200);
    expect(await publicView(id)).toBeUndefined();
    expect((await restWrite('DELETE', `/api/notices/${id}`)).status).toBe(204);
  });
});
