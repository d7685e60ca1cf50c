import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bootStrapi, type RunningStrapi } from '../../cms/test/helpers/boot-strapi.mts';
import { startPublisher } from '../../site/publisher/main.ts';
import { subscriptionPaths } from '../../site/src/lib/subscription-paths.ts';
import { type MailCatcher, startMailCatcher } from '../support/mail-catcher.ts';
import { type SwitchableProxy, startSwitchableProxy } from '../support/switchable-proxy.ts';
import { parseXmlStrict } from '../support/xml.ts';
import { BASE_URL, confirmFrom, linkIn, signUp } from './subscription-support.ts';
import { eventually, publisherIdle } from './support.ts';

const SECRET = 'test-webhook-secret-0123456789';
const EDITOR = { email: 'redakcja@example.org', password: 'Redakcja-test-2026!' };
const CM = '/content-manager/collection-types/api::notice.notice';
const RESIDENT = 'mieszkaniec.wodociagow@example.org';

/**
 * Subscriptions as residents meet them: the sign-up on the live site the publisher serves, an
 * editor publishing in the admin of a real Strapi, the publisher building and going live, and
 * the mail arriving at a real SMTP server — with every link in it working on the live site.
 */
describe('subscriptions on the live site', () => {
  let cms: RunningStrapi;
  let mail: MailCatcher;
  let proxy: SwitchableProxy;
  /** A WebSub hub on loopback: it records each publish ping it is sent. */
  let hub: http.Server;
  let hubUrl = '';
  const pinged: string[] = [];
  /** A newsroom's webhook endpoint on loopback. */
  const newsroom: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  let newsroomServer: http.Server;
  let running: Awaited<ReturnType<typeof startPublisher>>;
  let adminToken = '';
  let documentId = '';
  const deployDir = mkdtempSync(path.join(tmpdir(), 'tablica-deploys-'));
  const log: string[] = [];
  /** The admin panel's API, as the editor signed in. */
  const admin = async (method: string, urlPath: string, body?: unknown) => {
    const response = await fetch(`${cms.url}${urlPath}`, {
      method,
      headers: { 'content-type': 'application/json', ...(adminToken ? { authorization: `Bearer ${adminToken}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, text, body: (text ? JSON.parse(text) : {}) as { data: Record<string, unknown> } };
  };
  /** The edit view's form as it is shown, with the editor's changes, then "Opublikuj". */
  const editAndPublish = async (id: string, changes: Record<string, unknown>) => {
    const shown = (await admin('GET', `${CM}/${id}?locale=pl`)).body.data;
    const { id: _id, documentId: _d, createdAt: _c, updatedAt: _u, publishedAt: _p, ...form } = shown;
    const published = await admin('POST', `${CM}/${id}/actions/publish?locale=pl`, { ...form, ...changes });
    expect(published.status, published.text).toBe(200);
  };
  const live = () => publisherIdle(running.publisher);
  /** A link from a mail, on the test's live site (the public address is not this machine). */
  const onSite = (link: string) => link.replace(BASE_URL, running.site.url);

  beforeAll(async () => {
    mail = await startMailCatcher();
    hub = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        const form = new URLSearchParams(body);
        if (request.method === 'POST' && form.get('hub.mode') === 'publish') pinged.push(form.get('hub.url') ?? '');
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
    newsroomServer = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        newsroom.push({ headers: request.headers, body });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => newsroomServer.listen(0, '127.0.0.1', resolve));
    hubUrl = `http://127.0.0.1:${(hub.address() as AddressInfo).port}/hub`;
    // The publisher starts first (the CMS sends its webhooks there) and reaches the CMS through this.
    proxy = await startSwitchableProxy();
    running = await startPublisher(
      {
        ...process.env,
        STRAPI_URL: proxy.url,
        SITE_REBUILD_SECRET: SECRET,
        SITE_PORT: '0',
        PUBLISHER_PORT: '0',
        TABLICA_DEPLOY_DIR: deployDir,
        TABLICA_POLL_SECONDS: '3600',
        TABLICA_BASE_URL: BASE_URL,
        SMTP_URL: mail.url,
        MAIL_FROM: '"Tablica" <powiadomienia@tablica.example.org>',
        TABLICA_CLIENT_IP_HEADER: 'x-forwarded-for',
        TABLICA_WEBSUB_HUBS: hubUrl,
      },
      { autoStart: false, log: (message) => log.push(message) },
    );
    cms = await bootStrapi({
      seedDemo: true,
      env: {
        SITE_REBUILD_URL: `${running.control.url}/hooks/rebuild`,
        SITE_REBUILD_SECRET: SECRET,
        ADMIN_EMAIL: EDITOR.email,
        ADMIN_PASSWORD: EDITOR.password,
        // The newsroom's endpoint is on loopback here.
        TABLICA_WEBHOOK_ALLOW_PRIVATE: 'true',
      },
    });
    proxy.target = new URL(cms.url);
    running.begin();
    await live();
    const login = await admin('POST', '/admin/login', EDITOR);
    adminToken = String((login.body.data as { token?: string }).token ?? '');
    expect(adminToken).not.toBe('');
  });

  afterAll(async () => {
    await running?.stop();
    await cms?.stop();
    await proxy?.close();
    await mail?.close();
    hub?.close();
    newsroomServer?.close();
    rmSync(deployDir, { recursive: true, force: true });
  });

  test('the live site offers the sign-up in every language, from every page’s footer and each institution’s and notice’s page', async () => {
    for (const [page, heading] of [
      ['/powiadomienia/', 'Powiadomienia e-mail'],
      ['/en/notifications/', 'E-mail notifications'],
      ['/uk/notifications/', 'Сповіщення електронною поштою'],
    ]) {
      const html = await (await fetch(`${running.site.url}${page}`)).text();
      expect(html).toContain(`<h1>${heading}</h1>`);
      expect(html).toContain(`action="${subscriptionPaths.signUp}?lang=`);
    }
    const home = await (await fetch(`${running.site.url}/`)).text();
    expect(home).toContain('href="/powiadomienia/"');
    const institution = await (await fetch(`${running.site.url}/instytucje/pwik-brzozow/`)).text();
    expect(institution).toContain('href="/powiadomienia/?topic=institution%3Apwik-brzozow"');
    const notice = await (await fetch(`${running.site.url}/komunikaty/awaria-wodociagu-ul-lipowa/`)).text();
    expect(notice).toContain('href="/powiadomienia/?topic=institution%3Apwik-brzozow"');
    const ukrainian = await (await fetch(`${running.site.url}/uk/notices/awaria-wodociagu-ul-lipowa/`)).text();
    expect(ukrainian).toContain('href="/uk/notifications/?topic=institution%3Apwik-brzozow"');
  });

  test('a resident subscribes; an editor publishes a notice in the admin → the mail arrives after the build is live, and each of its links opens', async () => {
    expect((await signUp(running.site.url, { email: RESIDENT, topic: ['institution:pwik-brzozow'] })).status).toBe(202);
    const confirmation = await eventually(async () => {
      const found = mail.to(RESIDENT)[0];
      if (!found) throw new Error('no confirmation yet');
      return found;
    });
    expect((await confirmFrom(running.site.url, confirmation.parsed.text ?? '')).status).toBe(200);

    pinged.length = 0;
    const webhook = await admin('POST', '/content-manager/collection-types/api::newsroom-webhook.newsroom-webhook', {
      name: 'Radio Brzozów',
      url: `http://127.0.0.1:${(newsroomServer.address() as AddressInfo).port}/tablica`,
      enabled: true,
    });
    expect(webhook.status, webhook.text).toBe(201);
    const newsroomSecret = String(webhook.body.data.secret);
    const institution = await cms.strapi.db
      .query('api::institution.institution')
      .findOne({ where: { slug: 'pwik-brzozow' } });
    const created = await admin('POST', `${CM}?locale=pl`, {
      title: 'Brak wody na ulicy Kwiatowej',
      slug: 'brak-wody-ul-kwiatowa',
      summary: 'Do jutra do 18:00 nie będzie wody. Beczkowóz stoi przy szkole nr 2.',
      institution: institution.documentId,
      category: 'service-change',
      severity: 'urgent',
      effectiveFromDate: new Date().toISOString().slice(0, 10),
      channels: [{ kind: 'phone', label: 'Pogotowie wodociągowe', value: '994' }],
    });
    expect(created.status, created.text).toBe(201);
    documentId = String(created.body.data.documentId);
    const published = await admin('POST', `${CM}/${documentId}/actions/publish?locale=pl`, {});
    expect(published.status, published.text).toBe(200);

    const notice = await eventually(async () => {
      const found = mail.to(RESIDENT)[1];
      if (!found) throw new Error('no notice mail yet');
      return found;
    });
    const status = running.publisher.status();
    expect(status.lastBuild?.result).toBe('live');
    expect(notice.parsed.subject).toBe('Brak wody na ulicy Kwiatowej');
    expect(notice.parsed.text).toContain('Beczkowóz stoi przy szkole nr 2.');
    const page = `${BASE_URL}/komunikaty/brak-wody-ul-kwiatowa/`;
    expect(notice.parsed.text).toContain(page);
    // Every link in it works now: the notice is live, the manage page opens.
    expect((await fetch(onSite(page))).status).toBe(200);
    const manage = linkIn(notice.parsed.text ?? '', subscriptionPaths.manage);
    expect((await fetch(`${running.site.url}${manage}`)).status).toBe(200);

    // The newsroom registered in the admin is sent the same news, signed (Standard Webhooks).
    const delivered = await eventually(async () => {
      const found = newsroom.find((request) => request.body.includes('brak-wody-ul-kwiatowa'));
      if (!found) throw new Error('no webhook yet');
      return found;
    });
    const payload = new Webhook(newsroomSecret).verify(delivered.body, delivered.headers as Record<string, string>);
    expect(payload).toMatchObject({
      type: 'notice.published',
      data: { slug: 'brak-wody-ul-kwiatowa', revision: 1, languages: { pl: { url: page } } },
    });
  });

  test('WebSub: every feed names the hub, and once the build is live the hub hears of exactly the feeds that changed', async () => {
    const rss = parseXmlStrict(await (await fetch(`${running.site.url}/rss.xml`)).text(), 'rss.xml');
    const hubs = [...rss.getElementsByTagName('atom:link')].filter((link) => link.getAttribute('rel') === 'hub');
    expect(hubs.map((link) => link.getAttribute('href'))).toEqual([hubUrl]);
    const json = (await (await fetch(`${running.site.url}/instytucje/pwik-brzozow/feed.json`)).json()) as {
      hubs?: { type: string; url: string }[];
    };
    expect(json.hubs).toEqual([{ type: 'WebSub', url: hubUrl }]);
    const atom = parseXmlStrict(await (await fetch(`${running.site.url}/cap/index.atom`)).text(), 'index.atom');
    expect([...atom.getElementsByTagName('link')].some((link) => link.getAttribute('rel') === 'hub')).toBe(true);

    // The notice published in the test before: its feeds changed; another category's did not —
    // also once its build's search index went live (a copy of the build, whose feeds are the same).
    await eventually(async () => expect(pinged).toContain(`${BASE_URL}/rss.xml`));
    await live();
    expect(running.publisher.status().lastBuild?.searchIndex).toMatchObject({ build: expect.any(String) });
    // The pings of that switch are sent as it happens: let them arrive (no new one for a second).
    let heard = -1;
    await eventually(async () => {
      const now = pinged.length;
      const settled = now === heard;
      heard = now;
      if (!settled) {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        throw new Error('the hub is still being told');
      }
    });
    expect(pinged).toEqual(
      expect.arrayContaining([
        `${BASE_URL}/feed.json`,
        `${BASE_URL}/instytucje/pwik-brzozow/rss.xml`,
        `${BASE_URL}/kategorie/service-change/rss.xml`,
        `${BASE_URL}/cap/index.atom`,
      ]),
    );
    expect(pinged).not.toContain(`${BASE_URL}/kategorie/health/rss.xml`);
    expect(pinged).not.toContain(`${BASE_URL}/instytucje/mbp-brzozow/rss.xml`);
  });

  test('a correction the editor marks as not significant sends nothing; Odwołaj sends "Odwołano"', async () => {
    const builds = running.publisher.buildCount;
    await editAndPublish(documentId, {
      summary: 'Do jutra do 18:00 nie będzie wody. Beczkowóz stoi przy Szkole Podstawowej nr 2.',
      significantChange: false,
    });
    await eventually(async () => {
      if (running.publisher.buildCount === builds) throw new Error('no build yet');
    });
    await live();
    await running.subscriptions?.deliverer.idle();
    expect(mail.to(RESIDENT)).toHaveLength(2);

    const lifted = await admin('POST', `/tablica/notices/${documentId}/lift`, { note: 'Woda już płynie.' });
    expect(lifted.status, lifted.text).toBe(200);
    const lift = await eventually(async () => {
      const found = mail.to(RESIDENT)[2];
      if (!found) throw new Error('no lift mail yet');
      return found;
    });
    expect(lift.parsed.subject).toBe('Odwołano: Brak wody na ulicy Kwiatowej');
  });

  test('an editor rehearses: an exercise published in the admin is marked on the live page and sent to the newsroom as an exercise, never to residents', async () => {
    const institution = await cms.strapi.db
      .query('api::institution.institution')
      .findOne({ where: { slug: 'pwik-brzozow' } });
    const created = await admin('POST', `${CM}?locale=pl`, {
      title: 'Skażenie wody w sieci wodociągowej',
      slug: 'cwiczenia-skazenie-wody',
      summary: 'Nie pij wody z kranu. Beczkowozy stoją przy szkołach.',
      institution: institution.documentId,
      category: 'safety',
      severity: 'urgent',
      messageStatus: 'exercise',
      effectiveFromDate: new Date().toISOString().slice(0, 10),
    });
    expect(created.status, created.text).toBe(201);
    const id = String(created.body.data.documentId);
    const published = await admin('POST', `${CM}/${id}/actions/publish?locale=pl`, {});
    expect(published.status, published.text).toBe(200);
    const delivered = await eventually(async () => {
      const found = newsroom.find((request) => request.body.includes('cwiczenia-skazenie-wody'));
      if (!found) throw new Error('no webhook yet');
      return found;
    });
    expect(JSON.parse(delivered.body)).toMatchObject({
      data: {
        slug: 'cwiczenia-skazenie-wody',
        status: 'exercise',
        languages: { pl: { title: 'ĆWICZENIA: Skażenie wody w sieci wodociągowej' } },
      },
    });
    const page = await (await fetch(onSite(`${BASE_URL}/komunikaty/cwiczenia-skazenie-wody/`))).text();
    expect(page).toContain('To są ćwiczenia, a nie prawdziwy komunikat.');
    await running.subscriptions?.deliverer.idle();
    expect(mail.to(RESIDENT).some((sent) => sent.parsed.subject?.includes('Skażenie wody'))).toBe(false);
  });

  test('the address is in no file of the live site and in no line the publisher logged', async () => {
    const liveDirectory = running.publisher.target.liveDirectory() ?? '';
    const files = (directory: string): string[] =>
      readdirSync(directory).flatMap((name) => {
        const file = path.join(directory, name);
        return statSync(file).isDirectory() ? files(file) : [file];
      });
    for (const file of files(liveDirectory)) {
      expect(readFileSync(file).includes(RESIDENT), file).toBe(false);
    }
    expect(log.join('\n')).not.toContain('@example.org');
    expect(JSON.stringify(running.publisher.status())).not.toContain('@example.org');
  });
});
