import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { loadSnapshotKeepingGood } from '@tablica/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bootStrapi, createApiToken, type RunningStrapi } from '../../cms/test/helpers/boot-strapi.mts';
import { readStrapiSnapshot } from '../../site/src/loaders/strapi.ts';
import { announcePostgresSkip, testPostgresUrl } from '../support/throwaway-postgres.ts';

const NOTICE = 'api::notice.notice';
type Snapshot = { notices: { slug: string; locale: string }[] };

/** The notices as a build sees them, in a fixed order (the cache keeps the CMS's listing order). */
const sorted = (snapshot: unknown) =>
  [...(snapshot as Snapshot).notices].sort((a, b) => `${a.slug}/${a.locale}`.localeCompare(`${b.slug}/${b.locale}`));

async function publishedRow(strapi: Core.Strapi, slug: string, locale: string) {
  const document = await strapi
    .documents(NOTICE)
    .findFirst({ filters: { slug }, locale, status: 'published' } as never);
  if (!document) throw new Error(`the demo seed lost ${slug} (${locale})`);
  return document as unknown as { documentId: string; title: string };
}

/**
 * The publisher's incremental builds read only the notices whose version the last read did not
 * see. A stale cache would publish an old notice with no error anywhere, so after each kind of
 * change the CMS can make, the cached read must equal a read of everything: and must really have
 * fetched only what changed.
 */
const databases = testPostgresUrl ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);
announcePostgresSkip('the notice read cache on Postgres');

describe.each(databases)('a build that reads only the changed notices (%s)', (database) => {
  let cms: RunningStrapi;
  let strapi: Core.Strapi;
  const cacheFile = path.join(mkdtempSync(path.join(tmpdir(), 'tablica-notice-cache-')), 'notice-read-cache.v8');
  const options = () => ({ url: cms.url, retries: 0, retryDelayMs: 0 });

  /** The cached read and a full read, taken one after the other with nothing changing between. */
  async function readBoth() {
    const cached = await readStrapiSnapshot(options(), { file: cacheFile, reuse: true, code: 'code-1' });
    // As the build does once Astro has the content: what was read is kept for the next read.
    cached.keep();
    const full = await readStrapiSnapshot(options());
    expect(sorted(cached.snapshot)).toEqual(sorted(full.snapshot));
    return cached.how;
  }

  beforeAll(async () => {
    cms = await bootStrapi({ seedDemo: true, postgresUrl: database === 'postgres' ? testPostgresUrl : undefined });
    strapi = cms.strapi;
  });

  afterAll(async () => {
    await cms?.stop();
  });

  test('the first read takes everything; a read with nothing changed fetches nothing', async () => {
    expect(await readBoth()).toBe('all read (no earlier read)');
    expect(await readBoth()).toBe('0 changed read, 12 kept from the last read');
  });

  test('an edited and published notice is fetched, and nothing else', async () => {
    const { documentId } = await publishedRow(strapi, 'awaria-wodociagu-ul-lipowa', 'pl');
    const notices = strapi.documents(NOTICE);
    await notices.update({
      documentId,
      locale: 'pl',
      data: { title: 'Awaria wodociągu: naprawa potrwa dłużej' } as never,
    });
    await notices.publish({ documentId, locale: 'pl' });
    // Its Ukrainian version too: a publish counts the document's revision up in every language's row.
    expect(await readBoth()).toBe('2 changed read, 10 kept from the last read');
    const after = await readStrapiSnapshot(options(), { file: cacheFile, reuse: true, code: 'code-1' });
    after.keep();
    const edited = (after.snapshot as Snapshot).notices.find(
      (notice) => notice.slug === 'awaria-wodociagu-ul-lipowa' && notice.locale === 'pl',
    ) as { title?: string } | undefined;
    expect(edited?.title).toBe('Awaria wodociągu: naprawa potrwa dłużej');
  });

  test('a published row changed in place (no new publish: a revision, a phase) is fetched', async () => {
    const { documentId } = await publishedRow(strapi, 'przerwa-w-pracy-kasy-urzedu', 'pl');
    // As the CMS's own revision counter writes it: every row of the document, published ones too.
    await strapi.db.query(NOTICE).updateMany({ where: { documentId }, data: { revision: 7 } });
    expect(await readBoth()).toBe('1 changed read, 11 kept from the last read');
  });

  test('the notice its successor names is published again: the successor is read as the CMS now answers', async () => {
    const { documentId } = await publishedRow(strapi, 'zamkniecie-plywalni-miejskiej', 'pl');
    const notices = strapi.documents(NOTICE);
    await notices.update({
      documentId,
      locale: 'pl',
      data: { title: 'Zamknięcie pływalni miejskiej (poprawione)' } as never,
    });
    await notices.publish({ documentId, locale: 'pl' });
    // Itself, and its successor: the successor's row now points at the new published row.
    expect(await readBoth()).toBe('2 changed read, 10 kept from the last read');
  });

  test('an unpublished translation, a deleted notice and a new one', async () => {
    const notices = strapi.documents(NOTICE);
    const english = await publishedRow(strapi, 'szczepienia-przeciw-grypie-zmiana-godzin', 'en');
    await notices.unpublish({ documentId: english.documentId, locale: 'en' });
    const gone = await publishedRow(strapi, 'bieg-uliczny-utrudnienia-w-ruchu', 'pl');
    await notices.delete({ documentId: gone.documentId, locale: '*' });
    expect(await readBoth()).toBe('0 changed read, 10 kept from the last read');
    await notices.publish({ documentId: english.documentId, locale: 'en' });
    // Published again, with the revision counted up in its Polish row as well.
    expect(await readBoth()).toBe('2 changed read, 9 kept from the last read');
  });

  test('an institution or the media library changes: everything is read again', async () => {
    const institution = await strapi
      .documents('api::institution.institution')
      .findFirst({ filters: { slug: 'mosir-brzozow' } } as never);
    if (!institution) throw new Error('the demo seed lost mosir-brzozow');
    await strapi
      .documents('api::institution.institution')
      .update({ documentId: institution.documentId, data: { name: 'MOSiR Brzozów (nowa nazwa)' } as never });
    expect(await readBoth()).toBe('all read (the institutions changed)');
    expect(await readBoth()).toMatch(/^0 changed read/);
    // A file replaced in the media library keeps its id: no notice row changes, its attachment does.
    const file = await strapi.db.query('plugin::upload.file').findOne({ where: { mime: 'application/pdf' } });
    expect(file, 'the demo seed has a PDF attachment').toBeTruthy();
    await strapi.db
      .query('plugin::upload.file')
      .update({ where: { id: file.id }, data: { url: '/uploads/replaced.pdf', size: 12.3 } });
    expect(await readBoth()).toBe('all read (the media library changed)');
  });

  test('a token made before the versions route existed still builds: it reads everything', async () => {
    const token = await createApiToken(strapi, 'read-only');
    const read = await readStrapiSnapshot({ ...options(), token }, { file: cacheFile, reuse: true, code: 'code-1' });
    expect(read.how).toMatch(/^all read \(the CMS lists no notice versions/);
    const full = await readStrapiSnapshot(options());
    expect(sorted(read.snapshot)).toEqual(sorted(full.snapshot));
  });

  test('the versions list is published rows only: a draft is not in it', async () => {
    const institution = await strapi
      .documents('api::institution.institution')
      .findFirst({ filters: { slug: 'um-brzozow' } } as never);
    await strapi.documents(NOTICE).create({
      locale: 'pl',
      data: {
        slug: 'szkic-nie-do-listy-wersji',
        title: 'Szkic, którego lista wersji nie zna',
        summary: 'Ten szkic nie może pojawić się w żadnej publicznej odpowiedzi.',
        institution: institution?.documentId,
        category: 'closure',
        severity: 'urgent',
        effectiveFrom: '2026-01-01T00:00:00+01:00',
      } as never,
    });
    const response = await fetch(`${cms.url}/api/notice-versions`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain('szkic-nie-do-listy-wersji');
    const body = JSON.parse(text) as { data: { slug: string }[] };
    expect(body.data.length).toBe(11);
    // Slugs and digests only: no row ids, which would tell how often drafts are saved.
    expect(Object.keys(body.data[0] ?? {}).sort()).toEqual(['locale', 'slug', 'version']);
  });

  /** A cached read checked as the build checks it: which notices had to be parsed, and the result. */
  async function readAndCheck(code: string) {
    const read = await readStrapiSnapshot(options(), { file: cacheFile, reuse: true, code });
    const parsedNow: unknown[] = [];
    const { snapshot } = loadSnapshotKeepingGood(read.snapshot, {
      relativeDates: false,
      parses: {
        known: read.parses.known,
        parsed: (given, notice) => {
          parsedNow.push(given);
          read.parses.parsed(given, notice);
        },
      },
    });
    read.keep();
    // What the rules make of a read of everything, parsed afresh: the cached parses must be that.
    const fresh = loadSnapshotKeepingGood((await readStrapiSnapshot(options())).snapshot, { relativeDates: false });
    expect(sorted(snapshot)).toEqual(sorted(fresh.snapshot));
    return { parsed: parsedNow.length, notices: snapshot.notices.length };
  }

  test('notices kept from the last read are not parsed again, and other code parses everything again', async () => {
    const first = await readAndCheck('code-2');
    expect(first.parsed).toBe(first.notices);
    expect(await readAndCheck('code-2')).toEqual({ parsed: 0, notices: first.notices });
    const { documentId } = await publishedRow(strapi, 'awaria-wodociagu-ul-lipowa', 'pl');
    await strapi.documents(NOTICE).update({
      documentId,
      locale: 'pl',
      data: { title: 'Awaria wodociągu: woda wróciła' } as never,
    });
    await strapi.documents(NOTICE).publish({ documentId, locale: 'pl' });
    // Its two languages (the publish counts the revision up in both), and nothing else.
    expect(await readAndCheck('code-2')).toEqual({ parsed: 2, notices: first.notices });
    expect(await readAndCheck('code-3')).toEqual({ parsed: first.notices, notices: first.notices });
  });
});
