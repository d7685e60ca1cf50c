import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { signRebuildRequest } from '@tablica/shared/signing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bootStrapi, type RunningStrapi } from '../../cms/test/helpers/boot-strapi.mts';
import { startPublisher } from '../../site/publisher/main.ts';
import { nginxAvailable, serveWithNginx } from '../support/nginx.ts';
import { scratchOnAnotherFilesystem } from '../support/other-filesystem.ts';
import { type SwitchableProxy, startSwitchableProxy } from '../support/switchable-proxy.ts';
import { announcePostgresSkip, testPostgresUrl } from '../support/throwaway-postgres.ts';
import { eventually, liveView, publisherIdle, publishNotice } from './support.ts';

const SECRET = 'test-webhook-secret-0123456789';
const PUBLISHER = path.resolve(import.meta.dirname, '../../site/publisher/main.ts');

/**
 * The whole publishing path, for real: Strapi (demo content) sends its webhooks to the publisher,
 * which builds the site from Strapi's API through a proxy the test can cut, checks the build,
 * switches to it and serves it.
 */
describe('publish to live', () => {
  let cms: RunningStrapi;
  let proxy: SwitchableProxy;
  let running: Awaited<ReturnType<typeof startPublisher>>;
  // On another filesystem than the code, as a region's shared storage is: every build moves files
  // in from the code's directory (Astro's prerendering), which failed there.
  const deployDir = scratchOnAnotherFilesystem('tablica-deploys-');
  const log: string[] = [];
  const env = {
    ...process.env,
    SITE_REBUILD_SECRET: SECRET,
    SITE_PORT: '0',
    PUBLISHER_PORT: '0',
    TABLICA_DEPLOY_DIR: deployDir,
    TABLICA_POLL_SECONDS: '3600', // the tests poll by hand
    TABLICA_RETRY_SECONDS: '1',
    TABLICA_STRAPI_RETRIES: '1',
    TABLICA_STRAPI_RETRY_DELAY_MS: '100',
    TABLICA_BASE_URL: 'https://tablica.example.org',
  };
  const status = () => running.publisher.status();
  const idle = () => publisherIdle(running.publisher);
  const PUBLISH = '{"event":"entry.publish","model":"notice"}';
  const webhook = (headers: Record<string, string>, body = PUBLISH) =>
    fetch(`${running.control.url}/hooks/rebuild`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  /** Signed as the CMS signs: a fresh id each time unless one is given. */
  const signed = (body = PUBLISH, { id = randomUUID(), secret = SECRET, at = new Date() } = {}) => ({
    ...signRebuildRequest(secret, id, body, at),
  });

  beforeAll(async () => {
    proxy = await startSwitchableProxy();
    running = await startPublisher({ ...env, STRAPI_URL: proxy.url }, { autoStart: false, log: (m) => log.push(m) });
    cms = await bootStrapi({
      seedDemo: true,
      env: { SITE_REBUILD_URL: `${running.control.url}/hooks/rebuild`, SITE_REBUILD_SECRET: SECRET },
    });
    proxy.target = new URL(cms.url);
    running.begin();
    await idle();
  });

  afterAll(async () => {
    await running?.stop();
    await cms?.stop();
    await proxy?.close();
    rmSync(deployDir, { recursive: true, force: true });
  });

  test('publish → on the page, in RSS and in the widget; edit → updated; unpublish → gone everywhere', async () => {
    const slug = 'test-publikacja-awaria';
    const published = Date.now();
    const documentId = await publishNotice(cms.strapi, {
      slug,
      title: 'Awaria: brak wody przy ul. Testowej',
      effectiveFrom: new Date(Date.now() - 3_600_000),
    });
    const view = await eventually(async () => {
      const seen = await liveView(running.site.url, slug);
      expect(seen.pageStatus).toBe(200);
      return seen;
    });
    log.push(`publish to live: ${Date.now() - published} ms`);
    expect(view.pageTitle).toBe('Awaria: brak wody przy ul. Testowej');
    expect(view.rssItem?.title).toBe('Awaria: brak wody przy ul. Testowej');
    expect(view.widgetItem?.title).toBe('Awaria: brak wody przy ul. Testowej');

    const notices = cms.strapi.documents('api::notice.notice');
    await notices.update({ documentId, locale: 'pl', data: { title: 'Awaria usunięta częściowo' } as never } as never);
    await notices.publish({ documentId, locale: 'pl' } as never);
    const edited = await eventually(async () => {
      const seen = await liveView(running.site.url, slug);
      expect(seen.pageTitle).toBe('Awaria usunięta częściowo');
      return seen;
    });
    expect(edited.rssItem?.title).toBe('Aktualizacja: Awaria usunięta częściowo');
    expect(edited.widgetItem?.title).toBe('Awaria usunięta częściowo');
    expect((await idle()).lastBuild?.noticesRead).toMatch(/^1 changed read, [\d,]+ kept from the last read$/);

    await notices.unpublish({ documentId, locale: 'pl' } as never);
    const gone = await eventually(async () => {
      const seen = await liveView(running.site.url, slug);
      expect(seen.pageStatus).toBe(404);
      return seen;
    });
    expect(gone.rssItem).toBeUndefined();
    expect(gone.widgetItem).toBeUndefined();
    const sitemap = await (await fetch(`${running.site.url}/sitemap.xml`)).text();
    expect(sitemap).not.toContain(slug);
    // These builds rendered only what changed (issue 18), and took none of the notice's files
    // from the build before: not its calendar, widget data, embed or oEmbed answer either.
    const afterUnpublish = await idle();
    expect(afterUnpublish.lastBuild?.incrementalFrom).toBeDefined();
    // … and read from the CMS only what changed: an unpublished notice is simply no longer listed.
    expect(afterUnpublish.lastBuild?.noticesRead).toMatch(/^0 changed read, [\d,]+ kept from the last read$/);
    // It went live with the search index before it, then its own index was built and switched
    // to; the build without it is forgotten, so a rollback goes back a whole publish.
    const indexedAs = afterUnpublish.lastBuild?.searchIndex?.build;
    expect(afterUnpublish.lastBuild?.searchIndex?.failed).toBeUndefined();
    expect(indexedAs).toBeDefined();
    expect(afterUnpublish.live?.id).toBe(indexedAs);
    expect(afterUnpublish.builds).not.toContain(afterUnpublish.lastBuild?.id);
    expect(log.some((line) => line.includes(`search index live as build ${indexedAs}`))).toBe(true);
    for (const file of [
      `/calendar/${slug}.ics`,
      `/widget/notice/${slug}.json`,
      `/embed/notice/${slug}/`,
      `/oembed/notice/${slug}.json`,
    ]) {
      expect((await fetch(`${running.site.url}${file}`)).status, file).toBe(404);
    }
  });

  test('a forged, unsigned, stale, tampered or oversized rebuild request is refused and builds nothing', async () => {
    const before = (await idle()).buildCount;
    // The static secret of earlier versions is no longer enough: it could be replayed forever.
    expect((await webhook({ 'x-tablica-secret': SECRET })).status).toBe(401);
    expect((await webhook({})).status).toBe(401);
    expect((await webhook({ authorization: `Bearer ${SECRET}` })).status).toBe(401);
    expect((await webhook(signed(PUBLISH, { secret: `${SECRET.slice(0, -1)}x` }))).status).toBe(401);
    expect((await webhook(signed(PUBLISH, { at: new Date(Date.now() - 10 * 60_000) }))).status).toBe(401);
    expect((await webhook(signed(PUBLISH), '{"event":"entry.delete","model":"notice"}')).status).toBe(401);
    const big = 'x'.repeat(200_000);
    expect((await webhook(signed(big), big)).status).toBe(413);
    expect((await fetch(`${running.control.url}/hooks/rebuild`)).status).toBe(405);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(status().buildCount).toBe(before);
    expect(status().queue).toMatchObject({ running: false, queued: false });
  });

  test('one signed request replayed 10 times builds once', async () => {
    const before = (await idle()).buildCount;
    const captured = signed();
    const answers: number[] = [];
    for (let i = 0; i < 10; i++) answers.push((await webhook(captured)).status);
    expect(answers).toEqual([202, ...Array(9).fill(409)]);
    expect((await idle()).buildCount - before).toBe(1);
  });

  test('saving a draft builds nothing; publishing it does', async () => {
    const before = (await idle()).buildCount;
    const notices = cms.strapi.documents('api::notice.notice');
    const library = await notices.findFirst({
      filters: { slug: 'filia-biblioteki-nr-3-zamknieta' },
      locale: 'pl',
    } as never);
    await notices.update({
      documentId: library?.documentId,
      locale: 'pl',
      data: { summary: 'Szkic zmiany, jeszcze nieopublikowany.' } as never,
    } as never);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(status().buildCount).toBe(before);
    await notices.publish({ documentId: library?.documentId, locale: 'pl' } as never);
    await eventually(async () => {
      const page = await (await fetch(`${running.site.url}/komunikaty/filia-biblioteki-nr-3-zamknieta/`)).text();
      expect(page).toContain('Szkic zmiany, jeszcze nieopublikowany.');
    });
  });

  test('100 webhooks in one second make at most two builds', async () => {
    const before = (await idle()).buildCount;
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => webhook(signed()).then((response) => response.status)),
    );
    expect(answers.every((code) => code === 202)).toBe(true);
    const after = (await idle()).buildCount;
    expect(after - before).toBeGreaterThanOrEqual(1);
    expect(after - before).toBeLessThanOrEqual(2);
  });

  test("a publish while the last build's search index is made does not wait for it: the index is set aside, the newer build goes live and is indexed", async () => {
    await idle();
    const from = log.length;
    const logged = () => log.slice(from);
    expect((await webhook(signed())).status).toBe(202);
    // The first build is live and Pagefind reads its pages (seconds at 10,000 notices)…
    await eventually(
      async () => expect(logged().some((line) => line.endsWith(': making its search index'))).toBe(true),
      {
        everyMs: 10,
      },
    );
    // …when the editor publishes again.
    expect((await webhook(signed())).status).toBe(202);
    const after = await idle();
    const setAside = logged().find((line) => line.includes('search index set aside for a newer build'));
    expect(setAside, logged().join('\n')).toBeDefined();
    const first = setAside?.match(/^build (\S+):/)?.[1];
    // The newer build went live, then got its own index, which is what is served.
    expect(after.lastBuild?.id).not.toBe(first);
    expect(after.lastBuild?.searchIndex?.setAside).toBeUndefined();
    expect(after.lastBuild?.searchIndex?.build).toBe(after.live?.id);
    expect(logged().some((line) => line.startsWith(`build ${after.lastBuild?.id}: search index live as build`))).toBe(
      true,
    );
    // Nothing of the index set aside is left behind.
    expect(readdirSync(path.join(deployDir, 'builds')).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  test('a notice ending in a few seconds moves to the archive on its own, with no webhook', async () => {
    const slug = 'test-konczy-sie-za-chwile';
    const end = new Date(Date.now() + 25_000);
    await publishNotice(cms.strapi, {
      slug,
      title: 'Przerwa w dostawie prądu (kończy się za chwilę)',
      effectiveFrom: new Date(Date.now() - 3_600_000),
      effectiveUntil: end,
    });
    await eventually(async () => {
      const home = await (await fetch(`${running.site.url}/`)).text();
      expect(home).toContain(`/komunikaty/${slug}/`);
    });
    expect(Date.parse(status().nextScheduledBuild ?? '')).toBe(end.getTime() + 1_000);
    const buildsBefore = status().buildCount;
    await eventually(
      async () => {
        const archive = await (await fetch(`${running.site.url}/archiwum/`)).text();
        expect(archive).toContain(`/komunikaty/${slug}/`);
      },
      { timeoutMs: 90_000, everyMs: 1_000 },
    );
    const home = await (await fetch(`${running.site.url}/`)).text();
    expect(home).not.toContain(`/komunikaty/${slug}/`);
    expect(status().buildCount).toBe(buildsBefore + 1);
    expect(status().lastBuild?.reasons).toEqual(['scheduled: a notice starts or ends']);
  });

  test('Strapi down during a rebuild: the live site stays; once Strapi is back, the retry publishes', async () => {
    const { live } = await idle();
    const liveId = live?.id;
    const slug = 'test-strapi-niedostepne';
    const title = 'Komunikat opublikowany, gdy CMS był niedostępny';
    await publishNotice(cms.strapi, { slug, title, effectiveFrom: new Date(Date.now() - 60_000) });
    await eventually(async () => expect(status().queue.running).toBe(true), { everyMs: 20 });
    proxy.down();
    const failed = await eventually(async () => {
      const now = status();
      expect(now.lastBuild?.result).toBe('failed');
      return now;
    });
    expect(failed.live?.id).toBe(liveId);
    expect(failed.queue.retryAt).not.toBeNull();
    expect((await fetch(`${running.site.url}/`)).status).toBe(200);
    expect((await fetch(`${running.site.url}/komunikaty/${slug}/`)).status).toBe(404);

    proxy.up();
    await eventually(async () => {
      const seen = await liveView(running.site.url, slug);
      expect(seen.pageTitle).toBe(title);
    });
    expect(status().live?.id).not.toBe(liveId);
  });

  test('a change whose webhook never came is found by polling the CMS and published', async () => {
    const before = (await idle()).buildCount;
    const notices = cms.strapi.documents('api::notice.notice');
    const library = await notices.findFirst({
      filters: { slug: 'filia-biblioteki-nr-3-zamknieta' },
      locale: 'pl',
      status: 'published',
    } as never);
    // Written straight to the database: Strapi sends no webhook for this.
    await cms.strapi.db.query('api::notice.notice').update({
      where: { id: library?.id },
      data: { title: 'Filia nr 3 nieczynna (zmiana bez webhooka)', updatedAt: new Date() },
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(status().buildCount).toBe(before);
    await running.publisher.poll();
    expect(status().lastPoll).toMatchObject({ ok: true, changed: true });
    await eventually(async () => {
      const seen = await liveView(running.site.url, 'filia-biblioteki-nr-3-zamknieta');
      expect(seen.pageTitle).toBe('Filia nr 3 nieczynna (zmiana bez webhooka)');
    });
    expect(status().lastBuild?.reasons).toEqual(['poll: the CMS changed']);
  });

  test('a published notice that fails the rules keeps its last good version; every other change still goes live', async () => {
    await idle();
    const slug = 'awaria-wodociagu-ul-lipowa';
    const rows = cms.strapi.db.query('api::notice.notice');
    const good = await rows.findOne({ where: { slug, locale: 'pl', publishedAt: { $notNull: true } } });
    // Broken behind the rules' back (an older release, a direct database edit): a one-letter title.
    await rows.update({ where: { id: good.id }, data: { title: 'x', updatedAt: new Date() } });
    const other = 'test-mimo-zlego-komunikatu';
    await publishNotice(cms.strapi, {
      slug: other,
      title: 'Pilna zmiana opublikowana mimo złego komunikatu',
      effectiveFrom: new Date(Date.now() - 60_000),
    });
    await eventually(async () => {
      expect((await liveView(running.site.url, other)).pageTitle).toBe(
        'Pilna zmiana opublikowana mimo złego komunikatu',
      );
    });
    // The bad one is still on the site as it last was, and everyone who looks is told.
    expect((await liveView(running.site.url, slug)).pageTitle).toBe(good.title);
    expect(status().notUpdated).toEqual([
      expect.objectContaining({ slug, locale: 'pl', shown: 'previous version', shownRevision: good.revision }),
    ]);
    expect(status().notUpdated[0]?.errors.join(' ')).toMatch(/title|Title/);
    expect(log.some((line) => line.includes(`WARNING: notice "${slug}" (pl) was NOT updated`))).toBe(true);

    // Fixed (republished from its valid draft): updated, and the warning is gone.
    await cms.strapi.documents('api::notice.notice').publish({ documentId: good.documentId, locale: 'pl' });
    await eventually(async () => {
      expect(status().notUpdated).toEqual([]);
      expect(status().lastBuild?.result).toBe('live');
    });
  });

  test('attachments are copied into the site and linked there, never at the CMS', async () => {
    await idle();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');
    const file = path.join(deployDir, 'wniosek.pdf');
    writeFileSync(file, pdf);
    const [uploaded] = await cms.strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: {},
        files: { filepath: file, originalFilename: 'wniosek.pdf', mimetype: 'application/pdf', size: pdf.length },
      });
    const slug = 'test-z-zalacznikiem';
    const documentId = await publishNotice(cms.strapi, {
      slug,
      title: 'Komunikat z wnioskiem do pobrania',
      effectiveFrom: new Date(Date.now() - 60_000),
    });
    await cms.strapi.documents('api::notice.notice').update({
      documentId,
      locale: 'pl',
      data: { attachments: [{ label: 'Wniosek o zasiłek celowy', file: uploaded.id }] } as never,
      status: 'published',
    } as never);
    const stored = await cms.strapi.documents('api::notice.notice').findOne({
      documentId,
      locale: 'pl',
      status: 'published',
      populate: { attachments: { populate: ['file'] } },
    } as never);
    expect((stored as { attachments?: unknown[] } | null)?.attachments).toHaveLength(1);
    const page = await eventually(async () => {
      expect(status().lastBuild?.attachmentsLeftOut).toBeUndefined();
      const html = await (await fetch(`${running.site.url}/komunikaty/${slug}/`)).text();
      expect(html).toContain('Wniosek o zasiłek celowy');
      return html;
    });
    const href = page.match(/href="([^"]*\/zalaczniki\/[^"]*)"/)?.[1] ?? '';
    expect(href).toMatch(/^https:\/\/tablica\.example\.org\/zalaczniki\/[0-9a-f]{16}\/wniosek-o-zasilek-celowy\.pdf$/);
    expect(page).not.toContain(cms.url);
    expect(page).not.toContain('/uploads/');
    const served = await fetch(`${running.site.url}${new URL(href).pathname}`);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await served.arrayBuffer()).equals(pdf)).toBe(true);
    if (!nginxAvailable()) {
      console.warn(
        '\n*** nginx is not installed: the attachment was not fetched through nginx (apt-get install nginx) ***\n',
      );
      return;
    }
    // As a city serves it: nginx on `current`, its workers as an unprivileged user (the deploy
    // directory readable by them, as an operator's is).
    chmodSync(deployDir, 0o755);
    const nginx = await serveWithNginx(path.join(deployDir, 'current'), { workers: 1 });
    try {
      const throughNginx = await fetch(`${nginx.url}${new URL(href).pathname}`);
      expect(throughNginx.status).toBe(200);
      expect(Buffer.from(await throughNginx.arrayBuffer()).equals(pdf)).toBe(true);
    } finally {
      await nginx.close();
    }
  });

  test('a deploy target that cannot go live (storage failing mid-upload) keeps the live site and says why; the retry goes live', async () => {
    const { live } = await idle();
    const target = running.publisher.target;
    const goLive = target.goLive;
    // The failure a remote target meets (an upload cut off), injected at the interface the publisher uses.
    target.goLive = () => {
      throw new Error('connection reset by the storage');
    };
    const slug = 'test-cel-niedostepny';
    const title = 'Komunikat opublikowany, gdy miejsce docelowe zawiodło';
    try {
      await publishNotice(cms.strapi, { slug, title, effectiveFrom: new Date(Date.now() - 60_000) });
      const failed = await eventually(async () => {
        const now = status();
        expect(now.lastBuild?.result).toBe('failed');
        return now;
      });
      expect(failed.lastBuild?.message).toBe(
        'could not go live on the directory <deploys>: connection reset by the storage',
      );
      expect(failed.live?.id).toBe(live?.id);
      expect((await fetch(`${running.site.url}/komunikaty/${slug}/`)).status).toBe(404);
      expect(readdirSync(path.join(deployDir, 'builds')).filter((name) => name.endsWith('.partial'))).toEqual([]);
    } finally {
      target.goLive = goLive;
    }
    await eventually(async () => expect((await liveView(running.site.url, slug)).pageTitle).toBe(title));
    expect(status().live?.id).not.toBe(live?.id);
  });

  test('the publisher killed mid-build serves the last good build at once when restarted', async () => {
    await running.stop();
    const liveBefore = readFileSync(path.join(deployDir, 'current', 'tablica-build.json'), 'utf8');
    const liveId = path.basename(readlinkSync(path.join(deployDir, 'current')));
    const start = () => {
      const child = spawn(process.execPath, [PUBLISHER], {
        env: { ...env, STRAPI_URL: proxy.url },
        detached: true, // its own process group, so the build it runs dies with it
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stderr?.on('data', () => {}); // drained, so the child never blocks on a full pipe
      const urls = new Promise<{ site: string; control: string }>((resolve) => {
        child.stdout?.on('data', (chunk: Buffer) => {
          const match = chunk.toString().match(/site (\S+)\/ {2}status (\S+)\/status/);
          if (match?.[1] && match[2]) resolve({ site: match[1], control: match[2] });
        });
      });
      return { child, urls };
    };
    const kill = (child: ChildProcess) => process.kill(-(child.pid ?? 0), 'SIGKILL');

    const first = start();
    await first.urls;
    const partial = () => readdirSync(path.join(deployDir, 'builds')).filter((name) => name.endsWith('.partial'));
    // Killed once the build has begun writing its directory.
    await eventually(
      async () => {
        const [dir] = partial();
        expect(dir && existsSync(path.join(deployDir, 'builds', dir, 'index.html'))).toBe(true);
      },
      { everyMs: 20 },
    );
    kill(first.child);
    expect(partial()).toHaveLength(1);

    const second = start();
    const { site, control } = await second.urls;
    // Before its own build finishes, the restarted publisher serves the last good build.
    expect(await (await fetch(`${site}/tablica-build.json`)).text()).toBe(liveBefore);
    expect((await fetch(`${site}/`)).status).toBe(200);
    expect(path.basename(readlinkSync(path.join(deployDir, 'current')))).toBe(liveId);
    await eventually(async () => {
      const now = (await (await fetch(`${control}/status`)).json()) as { lastBuild?: { result: string } };
      expect(now.lastBuild?.result).toBe('live');
    });
    expect(partial()).toEqual([]);
    process.kill(second.child.pid ?? 0, 'SIGINT');
    await new Promise((resolve) => second.child.on('exit', resolve));
  });

  test.skipIf(!testPostgresUrl)(
    'two publishers with a lease in Postgres: the standby builds nothing, and takes over when the active one is killed mid-build',
    async () => {
      announcePostgresSkip('the standby publisher test');
      const leaseEnv = { ...env, STRAPI_URL: proxy.url, TABLICA_PUBLISHER_LEASE: testPostgresUrl ?? '' };
      const start = () => {
        const child = spawn(process.execPath, [PUBLISHER], {
          env: leaseEnv,
          detached: true, // its own process group, so the build it runs dies with it
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        child.stderr?.on('data', (chunk: Buffer) => {
          output += chunk;
        });
        const urls = new Promise<{ site: string; control: string }>((resolve) => {
          child.stdout?.on('data', (chunk: Buffer) => {
            const match = chunk.toString().match(/site (\S+)\/ {2}status (\S+)\/status/);
            if (match?.[1] && match[2]) resolve({ site: match[1], control: match[2] });
          });
        });
        return { child, urls, output: () => output };
      };
      type Status = { role: string; buildCount: number; lastBuild?: { id: string; result: string; startedAt: string } };
      const statusOf = async (control: string) => (await (await fetch(`${control}/status`)).json()) as Status;
      const partial = () => readdirSync(path.join(deployDir, 'builds')).filter((name) => name.endsWith('.partial'));

      const active = start();
      const activeUrls = await active.urls;
      await eventually(async () => expect((await statusOf(activeUrls.control)).lastBuild?.result).toBe('running'));
      const standby = start();
      const standbyUrls = await standby.urls;
      await eventually(async () => expect(standby.output()).toContain('standby: another publisher holds the lease'));
      // The standby serves the live build meanwhile, and builds nothing.
      expect((await fetch(`${standbyUrls.site}/`)).status).toBe(200);
      await eventually(
        async () => {
          const [dir] = partial();
          expect(dir && existsSync(path.join(deployDir, 'builds', dir, 'index.html'))).toBe(true);
        },
        { everyMs: 20 },
      );
      expect(await statusOf(standbyUrls.control)).toMatchObject({ role: 'standby', buildCount: 0 });

      const killedAt = Date.now();
      process.kill(-(active.child.pid ?? 0), 'SIGKILL');
      await eventually(async () => {
        const now = await statusOf(standbyUrls.control);
        expect(now).toMatchObject({ role: 'active', lastBuild: { result: 'live' } });
      });
      const taken = await statusOf(standbyUrls.control);
      // It began only once the active one was gone, cleared its half-written build, and is live.
      expect(Date.parse(taken.lastBuild?.startedAt ?? '')).toBeGreaterThanOrEqual(killedAt);
      expect(standby.output()).toContain('lease taken over');
      expect(partial()).toEqual([]);
      expect(path.basename(readlinkSync(path.join(deployDir, 'current')))).toBe(taken.lastBuild?.id);
      process.kill(standby.child.pid ?? 0, 'SIGINT');
      await new Promise((resolve) => standby.child.on('exit', resolve));
    },
    240_000,
  );
});
