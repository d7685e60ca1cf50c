import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { signRebuildRequest } from '@tablica/shared/signing';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AdminCall, adminLogin } from './helpers/admin.ts';
import { bootStrapi, type RunningStrapi } from './helpers/boot-strapi.mts';
import { rest } from './helpers/rest.mts';

const require = createRequire(import.meta.url);
const EDITOR = { email: 'redakcja@example.org', password: 'Haslo-Redakcji-2026!' };
const SECRET = 'sekret-przebudowy-0123456789';
const WEBHOOKS = '/content-manager/collection-types/api::newsroom-webhook.newsroom-webhook';
const DELIVERIES = '/content-manager/collection-types/api::webhook-delivery.webhook-delivery';

let cms: RunningStrapi;
let adminToken = '';
const admin: AdminCall = (method, path, body) =>
  rest<{ data: Record<string, unknown> }>(cms.url, path, { method, token: adminToken, body });
// biome-ignore lint/suspicious/noExplicitAny: compiled CommonJS modules of the CMS
const compiled = (file: string): any => require(`${cms.strapi.dirs.dist.src}/${file}`);

/** A newsroom's endpoint on loopback: answers as `answer` says, records what arrived. */
interface Receiver {
  url: string;
  received: { headers: IncomingHttpHeaders; body: string }[];
  answer: (index: number) => number | 'hang';
  server: Server;
}
const receivers: Receiver[] = [];
async function startReceiver(answer: Receiver['answer'] = () => 204): Promise<Receiver> {
  const receiver: Receiver = { url: '', received: [], answer, server: createServer() };
  receiver.server.on('request', (request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      const index = receiver.received.push({ headers: request.headers, body }) - 1;
      const status = receiver.answer(index);
      if (status === 'hang') return;
      response.writeHead(status, status === 302 ? { location: 'http://127.0.0.1:9/' } : {}).end();
    });
  });
  await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}/hooks/tablica`;
  receivers.push(receiver);
  return receiver;
}

/** A version as the publisher reports it, sent `sentAt`. */
const version = (slug: string, { institution = 'pwik-brzozow', revision = 2, sentAt = new Date() } = {}) => ({
  key: `${slug}@${revision}`,
  slug,
  revision,
  kind: 'extension' as const,
  institution,
  sentAt: sentAt.toISOString(),
  message: {
    slug,
    revision,
    kind: 'extension',
    institution: { slug: institution, name: 'Wodociągi' },
    sentAt: sentAt.toISOString(),
    languages: { pl: { title: 'Brak wody na ul. Lipowej', url: `https://tablica.example.org/komunikaty/${slug}/` } },
  },
});

async function registerWebhook(fields: Record<string, unknown>) {
  const created = await admin('POST', WEBHOOKS, { name: 'Radio Brzozów', enabled: true, ...fields });
  expect(created.status, created.text).toBe(201);
  return created.body.data as { id: number; documentId: string; secret: string };
}

const queue = (versions: ReturnType<typeof version>[], now = new Date()) =>
  compiled('newsroom-webhooks/deliveries.js').queueLiveVersions(cms.strapi, versions, now) as Promise<number>;
const pass = (options: { now?: Date; allowPrivate?: boolean; timeoutMs?: number } = {}) =>
  compiled('newsroom-webhooks/deliveries.js').runWebhookPass(cms.strapi, {
    allowPrivate: true,
    ...options,
  }) as Promise<{
    delivered: number;
    retrying: number;
    failed: number;
  }>;
const deliveriesOf = async (webhookId: number) =>
  (await cms.strapi.db.query('api::webhook-delivery.webhook-delivery').findMany({
    where: { webhook: webhookId },
    orderBy: { id: 'asc' },
  })) as { state: string; attempts: number; lastResult: string; eventId: string; nextAttemptAt: string | null }[];

beforeAll(async () => {
  cms = await bootStrapi({
    seedDemo: true,
    env: {
      ADMIN_EMAIL: EDITOR.email,
      ADMIN_PASSWORD: EDITOR.password,
      SITE_REBUILD_SECRET: SECRET,
      // The receivers here are on loopback: allowed explicitly, as an operator would for a test.
      TABLICA_WEBHOOK_ALLOW_PRIVATE: 'true',
      // Passes run when a test says (or when the publisher's report queues something).
      TABLICA_WEBHOOK_INTERVAL_SECONDS: '3600',
    },
  });
  adminToken = await adminLogin(cms.url, EDITOR);
});
afterEach(async () => {
  for (const receiver of receivers.splice(0)) {
    receiver.server.closeAllConnections();
    await new Promise((resolve) => receiver.server.close(resolve));
  }
  await cms.strapi.db.query('api::webhook-delivery.webhook-delivery').deleteMany({});
  await cms.strapi.db.query('api::newsroom-webhook.newsroom-webhook').deleteMany({});
});
afterAll(async () => {
  await cms?.stop();
});

describe('newsroom webhooks: registered by an editor in the admin', () => {
  it('the secret is made in the Standard Webhooks form; an address that is not http(s) is refused by field, in Polish; neither type has a public API', async () => {
    const refused = await admin('POST', WEBHOOKS, {
      name: 'Radio',
      url: 'ftp://radio.example.org/hook',
      enabled: true,
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('Wpisz pełny adres zaczynający się od https://');
    const webhook = await registerWebhook({ url: 'https://radio.example.org/hooks/tablica' });
    expect(webhook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const badSecret = await admin('PUT', `${WEBHOOKS}/${webhook.documentId}`, { secret: 'haslo' });
    expect(badSecret.status).toBe(400);
    for (const path of ['/api/newsroom-webhooks', '/api/webhook-deliveries']) {
      expect((await rest(cms.url, path)).status, path).toBe(404);
    }
  });
});

describe('newsroom webhooks: delivery', () => {
  it('the publisher’s signed report is delivered once, signed so that the standardwebhooks library verifies it; forged, unsigned and replayed reports are refused', async () => {
    const receiver = await startReceiver();
    const webhook = await registerWebhook({ url: receiver.url });
    const body = JSON.stringify({ versions: [version('brak-wody-ul-lipowa')] });
    const headers = signRebuildRequest(SECRET, randomUUID(), body);
    const post = (extra: object, text = body) =>
      fetch(`${cms.url}/api/tablica/live-versions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...extra },
        body: text,
      });
    expect((await post({})).status).toBe(401);
    expect((await post(signRebuildRequest('inny-sekret-0123456789', randomUUID(), body))).status).toBe(401);
    expect((await post(headers, body.replace('lipowa', 'polna'))).status).toBe(401);
    const accepted = await post(headers);
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ queued: 1 });
    expect((await post(headers)).status).toBe(401); // the same signed request again
    // The same versions in the next build's report: nothing new.
    const again = await post(signRebuildRequest(SECRET, randomUUID(), body));
    expect(await again.json()).toEqual({ queued: 0 });

    await expect.poll(() => receiver.received.length, { timeout: 10_000 }).toBe(1);
    const [arrived] = receiver.received;
    const payload = new Webhook(webhook.secret).verify(arrived?.body ?? '', arrived?.headers as Record<string, string>);
    expect(payload).toMatchObject({
      type: 'notice.extended',
      data: { slug: 'brak-wody-ul-lipowa', revision: 2, institution: { slug: 'pwik-brzozow' } },
    });
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(24, 1).toString('base64')}`).verify(
        arrived?.body ?? '',
        arrived?.headers as Record<string, string>,
      ),
    ).toThrow();
    await expect.poll(async () => (await deliveriesOf(webhook.id))[0]?.state).toBe('delivered');
    expect((await deliveriesOf(webhook.id))[0]).toMatchObject({ attempts: 1, lastResult: 'HTTP 204' });
    // The editor reads the log in the admin.
    const log = await admin('GET', `${DELIVERIES}?page=1&pageSize=10`);
    expect(log.status).toBe(200);
    expect(JSON.stringify(log.body)).toContain('brak-wody-ul-lipowa v2');
  });

  it('a webhook hears of versions sent after it was registered, and one for an institution only of that institution’s notices', async () => {
    const receiver = await startReceiver();
    const all = await registerWebhook({ url: receiver.url });
    const institution = await cms.strapi.db
      .query('api::institution.institution')
      .findOne({ where: { slug: 'mbp-brzozow' } });
    const library = await registerWebhook({ url: `${receiver.url}?library`, institution: institution.documentId });
    const queued = await queue([
      version('stary-komunikat', { sentAt: new Date(Date.now() - 3_600_000) }),
      version('nowy-komunikat-wodociagow'),
      version('nowy-komunikat-biblioteki', { institution: 'mbp-brzozow' }),
    ]);
    expect(queued).toBe(3);
    expect((await deliveriesOf(all.id)).map((row) => row.eventId).sort()).toEqual([
      `${all.documentId}.nowy-komunikat-biblioteki@2`,
      `${all.documentId}.nowy-komunikat-wodociagow@2`,
    ]);
    expect((await deliveriesOf(library.id)).map((row) => row.eventId)).toEqual([
      `${library.documentId}.nowy-komunikat-biblioteki@2`,
    ]);
  });

  it('a receiver answering 500, then a redirect, then 204: tried again after growing pauses, each try in the log, delivered once', async () => {
    const answers = [500, 302, 204];
    const receiver = await startReceiver((index) => answers[index] ?? 204);
    const webhook = await registerWebhook({ url: receiver.url });
    const start = new Date();
    await queue([version('awaria-do-skutku')], start);
    expect(await pass({ now: start })).toMatchObject({ retrying: 1 });
    expect((await deliveriesOf(webhook.id))[0]).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastResult: 'HTTP 500',
    });
    // Too early: nothing is tried.
    expect(await pass({ now: new Date(start.getTime() + 20_000) })).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    expect(await pass({ now: new Date(start.getTime() + 31_000) })).toMatchObject({ retrying: 1 });
    expect((await deliveriesOf(webhook.id))[0]).toMatchObject({ lastResult: 'HTTP 302 (redirect not followed)' });
    expect(await pass({ now: new Date(start.getTime() + 31_000 + 61_000) })).toMatchObject({ delivered: 1 });
    expect(receiver.received).toHaveLength(3);
    // Every try carried the same webhook-id: the receiver can drop a repeat.
    expect(new Set(receiver.received.map((request) => request.headers['webhook-id'])).size).toBe(1);
  });

  it('a receiver that hangs is cut off after the timeout and retried; after the last try the delivery has failed', async () => {
    const receiver = await startReceiver(() => 'hang');
    const webhook = await registerWebhook({ url: receiver.url });
    let now = new Date();
    await queue([version('zawieszony-odbiorca')], now);
    const { MAX_ATTEMPTS } = compiled('newsroom-webhooks/deliveries.js');
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      await pass({ now, timeoutMs: 300 });
      now = new Date(now.getTime() + 3_600_000);
    }
    expect((await deliveriesOf(webhook.id))[0]).toMatchObject({
      state: 'failed',
      attempts: MAX_ATTEMPTS,
      lastResult: 'timeout after 0.3 s',
      nextAttemptAt: null,
    });
  });

  it.each([
    ['loopback', (receiver: Receiver) => receiver.url],
    ['a name that resolves to loopback', (receiver: Receiver) => receiver.url.replace('127.0.0.1', 'localhost')],
    ['IPv6 loopback', (receiver: Receiver) => receiver.url.replace('127.0.0.1', '[::1]')],
    ['a private network', () => 'http://10.20.30.40/hook'],
    ['the cloud metadata address', () => 'http://169.254.169.254/latest/meta-data/'],
    ['an IPv4-mapped private address', () => 'http://[::ffff:192.168.1.10]/hook'],
  ])('SSRF guard: %s is refused unless the operator allows it — nothing is connected to', async (_case, urlOf) => {
    const receiver = await startReceiver();
    const webhook = await registerWebhook({ url: urlOf(receiver) });
    await queue([version('proba-ssrf')]);
    expect(await pass({ allowPrivate: false })).toMatchObject({ retrying: 1 });
    expect((await deliveriesOf(webhook.id))[0]?.lastResult).toMatch(/^refused: .* is a private or local address/);
    expect(receiver.received).toHaveLength(0);
  });
});
