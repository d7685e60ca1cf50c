import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSchedulerPass } from '../src/publishing/scheduler';
import { adminLogin } from './helpers/admin.ts';
import { bootStrapi, type RunningStrapi } from './helpers/boot-strapi.mts';
import { createInstitution, noticeData } from './helpers/notices.ts';
import { rest } from './helpers/rest.mts';

/**
 * Scheduled publishing and lifting, as an editor sets them in the edit form (the admin API), and
 * the list's "Stan" column. A scheduler pass is run at a chosen moment — the clock is the one
 * thing passed in — so "an hour later" needs no waiting. SQLite and Postgres.
 */
const NOTICE = 'api::notice.notice';
const CM = `/content-manager/collection-types/${NOTICE}`;
const EDITOR = { email: 'redakcja@example.org', password: 'Redakcja-test-2026!' };
const HOUR = 3_600_000;

let cms: RunningStrapi;
let institution: string;
let token = '';

interface FormAnswer {
  data: Record<string, unknown> & { documentId: string };
  error?: { message: string; details?: { errors?: { path: string[]; message: string }[] } };
}

/** Saves the Polish draft as the edit form does; a new one when no id is given. */
const save = (data: Record<string, unknown>, documentId?: string) =>
  rest<FormAnswer>(cms.url, documentId ? `${CM}/${documentId}?locale=pl` : `${CM}?locale=pl`, {
    method: documentId ? 'PUT' : 'POST',
    token,
    body: data,
  });

const publicView = async (documentId: string) => {
  const response = await rest<{ data: Record<string, unknown> & { updates: { text: string }[] } }>(
    cms.url,
    `/api/notices/${documentId}?locale=pl`,
  );
  return response.status === 200 ? response.body.data : undefined;
};

/** The "Stan" column as the list shows it. */
const phaseOf = async (documentId: string) =>
  (await cms.strapi.db.query(NOTICE).findOne({ where: { documentId, locale: 'pl' }, select: ['phase'] }))?.phase;

/** In force from 16 March 2026 to 25 March of a year to come. */
const inForce = (overrides: Record<string, unknown> = {}) =>
  noticeData(institution, { effectiveUntil: '2099-03-25T23:00:00Z', ...overrides });

beforeAll(async () => {
  cms = await bootStrapi({ env: { ADMIN_EMAIL: EDITOR.email, ADMIN_PASSWORD: EDITOR.password } });
  institution = await createInstitution(cms.strapi);
  token = await adminLogin(cms.url, EDITOR);
});
afterAll(async () => {
  await cms?.stop();
});

describe(`scheduled publication (${process.env.TABLICA_TEST_DB ?? 'sqlite'})`, () => {
  it('a draft saved with "Opublikuj automatycznie" is "zaplanowany", then published when due, in every language', async () => {
    const at = new Date(Date.now() + HOUR);
    const created = await save(inForce({ scheduledPublishAt: at.toISOString() }));
    expect(created.status, created.text).toBe(201);
    const id = created.body.data.documentId;
    await cms.strapi.documents(NOTICE).update({
      documentId: id,
      locale: 'uk',
      data: { title: 'Закриття філії бібліотеки', summary: 'Філія № 3 зачинена.' } as never,
    });
    expect(await phaseOf(id)).toBe('zaplanowany');

    // Not yet due: nothing happens.
    expect((await runSchedulerPass(cms.strapi, new Date(at.getTime() - 60_000))).published).toEqual([]);
    expect(await publicView(id)).toBeUndefined();

    const pass = await runSchedulerPass(cms.strapi, new Date(at.getTime() + 1_000));
    expect(pass).toMatchObject({ published: [id], failed: [] });
    expect(await publicView(id)).toMatchObject({ revision: 1 });
    expect((await rest(cms.url, `/api/notices/${id}?locale=uk`)).status).toBe(200);
    expect(await phaseOf(id)).toBe('obowiazuje');
    // Done once: the schedule is cleared, the next pass does nothing.
    expect((await runSchedulerPass(cms.strapi, new Date(at.getTime() + HOUR))).published).toEqual([]);
  });

  it('catches up after downtime: a publication due while the CMS was down goes out on the first pass', async () => {
    const created = await save(inForce());
    const id = created.body.data.documentId;
    // The time was set while it was still ahead; the CMS was down when it came.
    await cms.strapi.db
      .query(NOTICE)
      .updateMany({ where: { documentId: id }, data: { scheduledPublishAt: new Date(Date.now() - 2 * HOUR) } });
    expect((await runSchedulerPass(cms.strapi)).published).toContain(id);
    expect(await publicView(id)).toMatchObject({ revision: 1 });
  });

  it('two scheduler passes at once (two CMS instances) publish it once', async () => {
    const at = new Date(Date.now() + HOUR);
    const id = (await save(inForce({ scheduledPublishAt: at.toISOString() }))).body.data.documentId;
    const later = new Date(at.getTime() + 1_000);
    const passes = await Promise.all([runSchedulerPass(cms.strapi, later), runSchedulerPass(cms.strapi, later)]);
    expect(passes.flatMap((pass) => pass.published).filter((published) => published === id)).toEqual([id]);
    expect(await publicView(id)).toMatchObject({ revision: 1 });
  });

  it('publishing by hand before the time fulfils the schedule: nothing is published again later', async () => {
    const at = new Date(Date.now() + HOUR);
    const id = (await save(inForce({ scheduledPublishAt: at.toISOString() }))).body.data.documentId;
    const published = await rest(cms.url, `${CM}/${id}/actions/publish?locale=pl`, { method: 'POST', token, body: {} });
    expect(published.status, published.text).toBe(200);
    await save({ summary: 'Zmiana w szkicu, której redaktor jeszcze nie publikuje.' }, id);
    expect((await runSchedulerPass(cms.strapi, new Date(at.getTime() + 1_000))).published).not.toContain(id);
    expect((await publicView(id))?.summary).toBe(
      'Filia nr 3 jest zamknięta. Książki można oddawać w bibliotece głównej.',
    );
  });
});

describe(`scheduled lifting (${process.env.TABLICA_TEST_DB ?? 'sqlite'})`, () => {
  it('lifts a published notice when due, dated when it was due, with "odwołano" in the register', async () => {
    const id = (await save(inForce())).body.data.documentId;
    await rest(cms.url, `${CM}/${id}/actions/publish?locale=pl`, { method: 'POST', token, body: {} });
    const at = new Date(Math.ceil((Date.now() + HOUR) / 60_000) * 60_000);
    const scheduled = await save({ scheduledLiftAt: at.toISOString() }, id);
    expect(scheduled.status, scheduled.text).toBe(200);
    expect(await phaseOf(id)).toBe('obowiazuje');

    // The CMS was down when it was due; it catches up 20 minutes late.
    const pass = await runSchedulerPass(cms.strapi, new Date(at.getTime() + 20 * 60_000));
    expect(pass).toMatchObject({ lifted: [id], failed: [] });
    const notice = await publicView(id);
    expect(notice).toMatchObject({ revision: 2, liftedAt: at.toISOString() });
    expect(notice?.updates.map((entry) => entry.text)).toEqual(['Komunikat odwołano.']);
    expect(await phaseOf(id)).toBe('odwolany');
  });

  it('refuses a time already past, and a lifting before the publication, naming the field', async () => {
    const past = await save(inForce({ scheduledPublishAt: new Date(Date.now() - HOUR).toISOString() }));
    expect(past.status).toBe(400);
    expect(past.body.error?.details?.errors).toEqual([
      expect.objectContaining({
        path: ['scheduledPublishAt'],
        message: expect.stringMatching(/^Ten termin już minął/),
      }),
    ]);
    const inverted = await save(
      inForce({
        scheduledPublishAt: new Date(Date.now() + 2 * HOUR).toISOString(),
        scheduledLiftAt: new Date(Date.now() + HOUR).toISOString(),
      }),
    );
    expect(inverted.status).toBe(400);
    expect(inverted.body.error?.details?.errors).toEqual([
      expect.objectContaining({
        path: ['scheduledLiftAt'],
        message: expect.stringMatching(/zanim zostanie opublikowany/),
      }),
    ]);
  });
});

describe(`the list's "Stan" (${process.env.TABLICA_TEST_DB ?? 'sqlite'})`, () => {
  it('shows and filters announced, in force and ended, and follows time as it passes; never public', async () => {
    const publish = async (overrides: Record<string, unknown>) => {
      const id = (await save(noticeData(institution, overrides))).body.data.documentId;
      await rest(cms.url, `${CM}/${id}/actions/publish?locale=pl`, { method: 'POST', token, body: {} });
      return id;
    };
    const announced = await publish({ effectiveFrom: '2099-01-01T00:00:00+01:00', effectiveUntil: null });
    const ended = await publish({ effectiveFrom: '2020-03-16T00:00:00+01:00', effectiveUntil: '2020-03-25T23:00:00Z' });
    const draft = (await save(noticeData(institution))).body.data.documentId;
    expect([await phaseOf(announced), await phaseOf(ended), await phaseOf(draft)]).toEqual([
      'zapowiedziany',
      'zakonczony',
      'szkic',
    ]);
    const list = await rest<{ results: { documentId: string }[] }>(
      cms.url,
      `${CM}?locale=pl&filters[$and][0][phase][$eq]=zapowiedziany&pageSize=100`,
      { token },
    );
    expect(list.status, list.text).toBe(200);
    expect(list.body.results.map((row) => row.documentId)).toEqual([announced]);
    // On 1 January 2099 the announced notice is in force: the next pass says so.
    await runSchedulerPass(cms.strapi, new Date('2099-01-02T00:00:00Z'));
    expect(await phaseOf(announced)).toBe('obowiazuje');
    const residents = await rest<{ data: Record<string, unknown> }>(cms.url, `/api/notices/${announced}?locale=pl`);
    expect(Object.keys(residents.body.data)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^(phase|scheduledPublishAt|scheduledLiftAt)$/)]),
    );
  });
});
