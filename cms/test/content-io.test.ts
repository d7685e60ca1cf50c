import { createServer, type IncomingHttpHeaders } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { loadSnapshot, type Notice } from '@tablica/shared';
import { verifyRebuildRequest } from '@tablica/shared/signing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootStrapi, type RunningStrapi } from './helpers/boot-strapi.mts';
import { rest } from './helpers/rest.mts';

type Hook = {
  headers: IncomingHttpHeaders;
  raw: string;
  body: { event: string; model: string; entry?: { slug?: string } };
};

let cms: RunningStrapi;
const hooks: Hook[] = [];
const receiver = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => {
    body += chunk;
  });
  request.on('end', () => {
    hooks.push({ headers: request.headers, raw: body, body: JSON.parse(body) });
    response.end('ok');
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const port = (receiver.address() as AddressInfo).port;
  cms = await bootStrapi({
    seedDemo: true,
    env: { SITE_REBUILD_URL: `http://127.0.0.1:${port}/hooks/rebuild`, SITE_REBUILD_SECRET: 'sekret-przebudowy' },
  });
});
afterAll(async () => {
  await cms?.stop();
  receiver.close();
});

const require = createRequire(import.meta.url);
// biome-ignore lint/suspicious/noExplicitAny: compiled CommonJS modules of the CMS, loaded as the scripts load them.
const compiled = (file: string): any => require(`${cms.strapi.dirs.dist.src}/${file}`);

describe('demo seed on a fresh database', () => {
  it('imports the demo content, published, in every locale', async () => {
    const list = await rest<{ data: { slug: string; locale: string }[] }>(
      cms.url,
      '/api/notices?locale=*&pagination[pageSize]=100',
    );
    expect(list.body.data.map((notice) => `${notice.slug}/${notice.locale}`).sort()).toContain(
      'mops-czestochowa-koronawirus-zmiany-2020/pl',
    );
    expect(list.body.data).toHaveLength(12);
    const institutions = await rest<{ data: unknown[] }>(cms.url, '/api/institutions');
    expect(institutions.body.data).toHaveLength(6);
  });

  it('keeps the seed notice dated as it was, in 2020', async () => {
    const list = await rest<{ data: { publishedAt: string; createdAt: string }[] }>(
      cms.url,
      '/api/notices?filters[slug][$eq]=mops-czestochowa-koronawirus-zmiany-2020',
    );
    expect(list.body.data[0]).toMatchObject({
      publishedAt: '2020-03-13T13:00:00.000Z',
      createdAt: '2020-03-13T12:40:00.000Z',
    });
  });

  it('every seeded notice shows its period as days in the form; a notice stored before the days existed gets them at start', async () => {
    const rows = cms.strapi.db.query('api::notice.notice');
    expect(await rows.count({ where: { effectiveFromDate: { $null: true } } })).toBe(0);
    const seed = await rows.findOne({ where: { slug: 'mops-czestochowa-koronawirus-zmiany-2020', locale: 'pl' } });
    // "until 25 March 2020" is stored as its end, the first instant of the 26th; the form shows the 25th.
    expect(seed).toMatchObject({
      effectiveFromDate: '2020-03-16',
      effectiveUntilDate: '2020-03-25',
      effectiveUntilTime: null,
    });
    await rows.updateMany({
      where: { slug: seed.slug },
      data: { effectiveFromDate: null, effectiveFromTime: null, effectiveUntilDate: null, effectiveUntilTime: null },
    });
    const { backfillEnteredPeriods } = compiled('content/entered-period.js');
    expect(await backfillEnteredPeriods(cms.strapi)).toBeGreaterThan(0);
    expect(await rows.findOne({ where: { id: seed.id } })).toMatchObject({
      effectiveFromDate: '2020-03-16',
      effectiveUntilDate: '2020-03-25',
    });
  });

  it('is idempotent: importing the demo again changes nothing', async () => {
    const { importSnapshot } = compiled('seed/import-snapshot.js');
    const { readDemoSnapshot } = compiled('bootstrap/seed-demo.js');
    await importSnapshot(cms.strapi, readDemoSnapshot());
    const notices = await cms.strapi.db
      .query('api::notice.notice')
      .count({ where: { publishedAt: { $notNull: true } } });
    const institutions = await cms.strapi.db.query('api::institution.institution').count();
    expect([notices, institutions]).toEqual([12, 6]);
  });
});

describe('export', () => {
  it('writes the published content as a snapshot equal to what was seeded', async () => {
    const { exportSnapshot } = compiled('seed/export-snapshot.js');
    const { readDemoSnapshot } = compiled('bootstrap/seed-demo.js');
    const now = new Date();
    const exported = loadSnapshot(JSON.parse(JSON.stringify(await exportSnapshot(cms.strapi))), { now });
    const demo = readDemoSnapshot(now);
    const byKey = <T extends { slug: string; locale?: string }>(items: T[]) =>
      Object.fromEntries(items.map((item) => [`${item.slug}/${item.locale ?? ''}`, item]));
    // An attachment comes back at the media library's address (Strapi names the file anew).
    const exportedAttachments = exported.notices.flatMap((notice) => notice.attachments);
    expect(exportedAttachments).toEqual([
      {
        label: 'Wniosek o zasiłek celowy (formularz do wydruku)',
        url: expect.stringMatching(/^https?:\/\/[^/]+\/uploads\/wniosek_o_zasilek_celowy_[0-9a-f]+\.pdf$/),
        mime: 'application/pdf',
        bytes: 1000,
      },
    ]);
    const atLibraryAddress = (notices: Notice[]) =>
      notices.map((notice) => ({
        ...notice,
        attachments: notice.attachments.map((attachment) => ({ ...attachment, url: exportedAttachments[0]?.url })),
      }));
    expect(byKey(exported.notices)).toEqual(byKey(atLibraryAddress(demo.notices)));
    expect(byKey(exported.institutions)).toEqual(byKey(demo.institutions));
    expect(exported.siteSettings).toEqual(demo.siteSettings);
  });

  it('export → import → export loses nothing: every field of every notice, attachments included', async () => {
    const { exportSnapshot } = compiled('seed/export-snapshot.js');
    const { importSnapshot } = compiled('seed/import-snapshot.js');
    const first = JSON.parse(JSON.stringify(await exportSnapshot(cms.strapi)));
    await importSnapshot(cms.strapi, loadSnapshot(first, { relativeDates: false }));
    const second = JSON.parse(JSON.stringify(await exportSnapshot(cms.strapi)));
    expect({ ...second, exportedAt: first.exportedAt }).toEqual(first);
    const files = await cms.strapi.db.query('plugin::upload.file').count();
    expect(files, 'the re-import reused the file, uploaded nothing again').toBe(1);
  });

  it('an attachment whose file is nowhere stops the import, named, and changes nothing', async () => {
    const { exportSnapshot } = compiled('seed/export-snapshot.js');
    const { importSnapshot } = compiled('seed/import-snapshot.js');
    const before = JSON.parse(JSON.stringify(await exportSnapshot(cms.strapi)));
    const broken = structuredClone(before);
    const notice = broken.notices.find((item: { attachments?: unknown[] }) => item.attachments?.length);
    notice.attachments[0].url = 'https://elsewhere.example.org/files/brak.pdf';
    await expect(importSnapshot(cms.strapi, loadSnapshot(broken, { relativeDates: false }))).rejects.toThrow(
      `notice "${notice.slug}" (pl): the attachment "Wniosek o zasiłek celowy (formularz do wydruku)" (https://elsewhere.example.org/files/brak.pdf) is not in the media library`,
    );
    const after = JSON.parse(JSON.stringify(await exportSnapshot(cms.strapi)));
    expect({ ...after, exportedAt: before.exportedAt }).toEqual(before);
  });

  it('never includes drafts', async () => {
    const draft = await cms.strapi.documents('api::notice.notice').create({
      data: {
        title: 'Szkic, który nie może trafić do eksportu',
        slug: 'szkic-eksport',
        summary: 'Szkic.',
        institution: (
          await cms.strapi.db.query('api::institution.institution').findOne({ where: { slug: 'mops-czestochowa' } })
        ).documentId,
        category: 'other',
        severity: 'info',
        effectiveFrom: '2026-01-01T00:00:00Z',
      } as never,
    });
    const { exportSnapshot } = compiled('seed/export-snapshot.js');
    const snapshot = await exportSnapshot(cms.strapi);
    expect(JSON.stringify(snapshot)).not.toContain('szkic-eksport');
    await cms.strapi.documents('api::notice.notice').delete({ documentId: draft.documentId });
  });
});

describe('the build token (npm run token -w cms)', () => {
  it('gets exactly what a build reads: published notices, institutions, settings — no users, roles or files', async () => {
    const { createBuildToken } = compiled('tokens/build-token.js');
    const { accessKey } = await createBuildToken(cms.strapi);
    for (const path of ['/api/notices?locale=*', '/api/institutions', '/api/site-setting', '/api/notices/x']) {
      expect((await rest(cms.url, path, { token: accessKey })).status, path).not.toBe(403);
    }
    for (const path of [
      '/api/users',
      '/api/users/me',
      '/api/users-permissions/roles',
      '/api/users-permissions/permissions',
      '/api/upload/files',
      '/api/i18n/locales',
    ]) {
      const response = await rest(cms.url, path, { token: accessKey });
      expect([401, 403, 404], `${path} → ${response.status}`).toContain(response.status);
    }
  });

  it('reads published content and cannot write', async () => {
    const { createBuildToken } = compiled('tokens/build-token.js');
    const { accessKey } = await createBuildToken(cms.strapi);
    expect((await rest(cms.url, '/api/notices', { token: accessKey })).status).toBe(200);
    const write = await rest(cms.url, '/api/notices', {
      method: 'POST',
      token: accessKey,
      body: { data: { title: 'x' } },
    });
    expect([401, 403]).toContain(write.status);
  });
});

describe('locales', () => {
  it('answers in the requested locale only: there is no fallback in the API (the site falls back to Polish)', async () => {
    const english = await rest<{ data: { slug: string; locale: string }[] }>(
      cms.url,
      '/api/notices?locale=en&pagination[pageSize]=100',
    );
    expect(new Set(english.body.data.map((notice) => notice.locale))).toEqual(new Set(['en']));
    expect(english.body.data.map((notice) => notice.slug)).not.toContain('filia-biblioteki-nr-3-zamknieta');
    const polish = await rest<{ data: { locale: string }[] }>(cms.url, '/api/notices?pagination[pageSize]=100');
    expect(new Set(polish.body.data.map((notice) => notice.locale))).toEqual(new Set(['pl']));
    expect(polish.body.data).toHaveLength(8);
  });
});

describe('the rebuild requests (SITE_REBUILD_URL)', () => {
  it('are sent, each signed (HMAC over id, timestamp and body), when a notice is published and unpublished', async () => {
    hooks.length = 0;
    const row = await cms.strapi.db
      .query('api::notice.notice')
      .findOne({ where: { slug: 'filia-biblioteki-nr-3-zamknieta' } });
    await cms.strapi.documents('api::notice.notice').unpublish({ documentId: row.documentId, locale: 'pl' });
    await cms.strapi.documents('api::notice.notice').publish({ documentId: row.documentId, locale: 'pl' });
    const noticeEvents = () => hooks.filter((hook) => hook.body.model === 'notice').map((hook) => hook.body.event);
    await expect
      .poll(noticeEvents, { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['entry.unpublish', 'entry.publish']));
    for (const hook of hooks) {
      expect(verifyRebuildRequest('sekret-przebudowy', hook.headers, hook.raw)).toMatchObject({ ok: true });
      expect(verifyRebuildRequest('inny-sekret-przebudowy', hook.headers, hook.raw)).toMatchObject({ ok: false });
      // The secret itself never travels.
      expect(JSON.stringify(hook.headers)).not.toContain('sekret-przebudowy');
    }
    expect(new Set(hooks.map((hook) => hook.headers['webhook-id'])).size).toBe(hooks.length);
    // Only what the publisher needs: no whole entry, no admin user.
    for (const hook of hooks)
      expect(Object.keys(hook.body.entry ?? {}).sort()).toEqual(['documentId', 'locale', 'publishedAt', 'slug']);
  });

  it('are retried while the publisher answers 5xx or is down, and arrive once it is back', async () => {
    const { deliverRebuild } = compiled('rebuild/rebuild-notifier.js');
    let calls = 0;
    const flaky = createServer((request, response) => {
      calls += 1;
      request.resume();
      if (calls === 1) request.socket.destroy();
      else if (calls === 2) response.writeHead(503).end();
      else response.writeHead(202).end();
    });
    await new Promise<void>((resolve) => flaky.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(flaky.address() as AddressInfo).port}/hooks/rebuild`;
    const delivered = await deliverRebuild({ url, secret: 'sekret-przebudowy', retryDelaysMs: [10, 10, 10] }, '{}');
    flaky.close();
    expect(delivered).toBe(true);
    expect(calls).toBe(3);
  });

  it('nothing is stored that another boot (npm run token, seed, export) could delete', async () => {
    // Those scripts boot the CMS without SITE_REBUILD_URL; a stored webhook was removed by them.
    expect(await cms.strapi.get('webhookStore').findWebhooks()).toEqual([]);
    hooks.length = 0;
    const row = await cms.strapi.db
      .query('api::notice.notice')
      .findOne({ where: { slug: 'filia-biblioteki-nr-3-zamknieta' } });
    await cms.strapi.documents('api::notice.notice').publish({ documentId: row.documentId, locale: 'pl' });
    await expect.poll(() => hooks.filter((hook) => hook.body.event === 'entry.publish').length).toBeGreaterThan(0);
  });
});

describe('a bulk import (npm run seed of a city archive)', () => {
  it('is done when it returns: none of its work is left running to hold up the next reads', async () => {
    // Strapi loads every entry again, with all its components, for each entry event, after the
    // commit and unawaited; thousands of them left behind by an import held the database for
    // minutes (SQLite) or its pool (Postgres). 120 notices: more than one chunk of the import.
    const { generateSnapshot } = await import('@tablica/shared');
    const { importSnapshot } = compiled('seed/import-snapshot.js');
    const snapshot = loadSnapshot(generateSnapshot(120, 7, { institutions: 3 }));
    let events = 0;
    const stopListening = ['entry.create', 'entry.update', 'entry.publish'].map((event) =>
      cms.strapi.eventHub.on(event, async () => {
        events++;
      }),
    );
    try {
      const progress: [number, number][] = [];
      await importSnapshot(cms.strapi, snapshot, {
        onProgress: (written: number, total: number) => progress.push([written, total]),
      });
      // What `npm run seed` prints while an archive goes in.
      expect(progress).toEqual([
        [100, 120],
        [120, 120],
      ]);
      const whenReturned = events;
      expect(whenReturned, 'every imported notice was created and published').toBeGreaterThanOrEqual(2 * 120);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(events, 'entry events still arriving after the import returned').toBe(whenReturned);
    } finally {
      for (const stop of stopListening) stop();
    }
  }, 180_000);
});
