import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { strapiSecrets } from '../../cms/test/helpers/boot-strapi.mts';
import { rest } from '../../cms/test/helpers/rest.mts';
import { startPublisher } from '../../site/publisher/main.ts';
import { type CmsProcess, startCmsProcess, stopCmsProcess } from '../support/cms-process.ts';
import { type SwitchableProxy, startSwitchableProxy } from '../support/switchable-proxy.ts';
import { announcePostgresSkip, testPostgresUrl, throwawayDatabase } from '../support/throwaway-postgres.ts';
import { eventually, publisherIdle } from './support.ts';

/**
 * Issue 18, item 6: the CMS on two instances, as behind a load balancer — two Strapi processes on
 * one Postgres, both sending their rebuild webhooks to one publisher, both running the scheduler.
 * An editor's publish on either instance builds once; scheduled publications saved on either
 * are published by the schedulers, once each.
 */
announcePostgresSkip('the two CMS instances test');

const SECRET = 'two-instances-webhook-secret-0123';
const EDITOR = { email: 'redakcja@example.org', password: 'Redakcja-test-2026!' };
const CM = '/content-manager/collection-types/api::notice.notice';

/** Signs in on /admin/login as an editor does. */
async function adminLogin(base: string, credentials: { email: string; password: string }): Promise<string> {
  const login = await rest<{ data: { token: string } }>(base, '/admin/login', {
    method: 'POST',
    body: credentials,
  });
  expect(login.status, login.text).toBe(200);
  return login.body.data.token;
}

describe.runIf(testPostgresUrl)('two CMS instances on one Postgres, one publisher', () => {
  let database: Awaited<ReturnType<typeof throwawayDatabase>>;
  let first: CmsProcess;
  let second: CmsProcess;
  let running: Awaited<ReturnType<typeof startPublisher>>;
  let proxy: SwitchableProxy;
  const deployDir = mkdtempSync(path.join(tmpdir(), 'tablica-two-cms-'));
  const tokens: Record<string, string> = {};
  const log: string[] = [];

  const status = () => running.publisher.status();
  const idle = () => publisherIdle(running.publisher);
  const institution = async (cms: CmsProcess) => {
    const found = await rest<{ results: { documentId: string }[] }>(
      cms.url,
      '/content-manager/collection-types/api::institution.institution?filters[slug][$eq]=pwik-brzozow',
      { token: tokens[cms.url] },
    );
    expect(found.status, found.text).toBe(200);
    return found.body.results[0]?.documentId as string;
  };
  const draft = async (cms: CmsProcess, slug: string, extra: Record<string, unknown> = {}) => {
    const saved = await rest<{ data: { documentId: string } }>(cms.url, `${CM}?locale=pl`, {
      method: 'POST',
      token: tokens[cms.url],
      body: {
        slug,
        title: `Komunikat z dwóch instancji (${slug})`,
        summary: 'Komunikat utworzony przez test dwóch instancji CMS.',
        institution: await institution(cms),
        category: 'service-change',
        severity: 'urgent',
        effectiveFrom: new Date(Date.now() - 3_600_000).toISOString(),
        ...extra,
      },
    });
    expect(saved.status, saved.text).toBe(201);
    return saved.body.data.documentId;
  };
  const page = (slug: string) => fetch(`${running.site.url}/komunikaty/${slug}/`);

  beforeAll(async () => {
    database = await throwawayDatabase(testPostgresUrl as string, 'tablica_two_cms');
    // The publisher first, so that the seed's webhooks are answered (and ignored: it has not
    // started); otherwise they would arrive minutes later, retried, in the middle of a test.
    proxy = await startSwitchableProxy();
    running = await startPublisher(
      {
        ...process.env,
        SITE_REBUILD_SECRET: SECRET,
        SITE_PORT: '0',
        PUBLISHER_PORT: '0',
        TABLICA_DEPLOY_DIR: deployDir,
        TABLICA_POLL_SECONDS: '3600',
        STRAPI_URL: proxy.url,
        TABLICA_BASE_URL: 'https://tablica.example.org',
      },
      { autoStart: false, log: (line) => log.push(line) },
    );
    // Both instances share what a load balancer's instances share: the database and the secrets.
    const env = {
      ...strapiSecrets(),
      ADMIN_EMAIL: EDITOR.email,
      ADMIN_PASSWORD: EDITOR.password,
      SITE_REBUILD_URL: `${running.control.url}/hooks/rebuild`,
      SITE_REBUILD_SECRET: SECRET,
      TABLICA_SCHEDULER_INTERVAL_SECONDS: '1',
    };
    const options = { postgresUrl: database.url, schema: 'public', env };
    // The first one creates the tables and seeds the demo; the second joins them, as a scaled-out one does.
    first = await startCmsProcess({ ...options, seedDemo: true });
    second = await startCmsProcess(options);
    for (const cms of [first, second]) tokens[cms.url] = await adminLogin(cms.url, EDITOR);
    // The publisher reads the CMS through the load balancer; here it sends it to the first one.
    proxy.target = new URL(first.url);
    running.begin();
    await idle();
  }, 300_000);

  afterAll(async () => {
    await running?.stop();
    await proxy?.close();
    await Promise.all([stopCmsProcess(first), stopCmsProcess(second)]);
    await database?.drop();
    rmSync(deployDir, { recursive: true, force: true });
  });

  for (const which of ['first', 'second'] as const) {
    test(`an editor's publish on the ${which} instance builds once, and the notice is live`, async () => {
      const cms = which === 'first' ? first : second;
      const slug = `dwie-instancje-${which}`;
      const builds = status().buildCount;
      const id = await draft(cms, slug);
      const published = await rest(cms.url, `${CM}/${id}/actions/publish?locale=pl`, {
        method: 'POST',
        token: tokens[cms.url],
        body: {},
      });
      expect(published.status, published.text).toBe(200);
      await eventually(async () => {
        expect((await page(slug)).status).toBe(200);
      });
      await idle();
      // Time for a second webhook (the other instance's, or its scheduler's) to arrive if one were sent.
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      expect(status().queue.queued, log.join('\n')).toBe(false);
      expect(status().buildCount, log.join('\n')).toBe(builds + 1);
    }, 180_000);
  }

  test('scheduled publications are published once each although both schedulers see them due', async () => {
    // Eight due at the same second, saved on either instance, both schedulers running. A second
    // publication of the same draft changes nothing a reader sees (same revision, same register
    // entry), so this checks the deployment — each published once, at revision 1, and built —
    // while the race of two passes over one claim is tested in cms/test/scheduler.test.ts.
    const at = new Date(Math.ceil((Date.now() + 6_000) / 1_000) * 1_000);
    const slugs = Array.from({ length: 8 }, (_, index) => `dwie-instancje-zaplanowany-${index}`);
    const ids: string[] = [];
    for (const [index, slug] of slugs.entries()) {
      ids.push(await draft(index % 2 ? second : first, slug, { scheduledPublishAt: at.toISOString() }));
    }
    expect(Date.now()).toBeLessThan(at.getTime());
    for (const slug of slugs) {
      await eventually(async () => {
        expect((await page(slug)).status).toBe(200);
      });
    }
    await idle();
    for (const id of ids) {
      const view = await rest<{ data: { revision: number } }>(second.url, `/api/notices/${id}?locale=pl`);
      expect(view.body.data.revision, id).toBe(1);
    }
  }, 180_000);
});
