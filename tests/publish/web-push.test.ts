import { afterEach, describe, expect, test } from 'vitest';
import { subscriptionPaths } from '../../site/src/lib/subscription-paths.ts';
import { startPushService } from '../support/push-service.ts';
import {
  demoReport,
  type RunningSubscriptions,
  settled,
  solvedBotCheck,
  startSubscriptions,
  TEST_VAPID,
  waitFor,
  withNotice,
} from './subscription-support.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function setup(config: Parameters<typeof startSubscriptions>[0] = {}) {
  const run = await startSubscriptions(config);
  const push = await startPushService();
  cleanups.push(run.stop, push.close);
  return { run, push };
}

/** What the sign-up page's script sends once PushManager.subscribe() has given it a subscription. */
async function subscribeBrowser(
  run: RunningSubscriptions,
  subscription: unknown,
  fields: { topic?: string[]; language?: string } = {},
) {
  const response = await fetch(`${run.server.url}${subscriptionPaths.push}?lang=${fields.language ?? 'pl'}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.20' },
    body: JSON.stringify({
      subscription,
      topic: ['all'],
      language: 'pl',
      ...fields,
      altcha: await solvedBotCheck(run.server.url),
    }),
  });
  return { status: response.status, body: (await response.json()) as { ok: boolean; problems?: string[] } };
}

describe('Web Push, as a push service receives it', () => {
  test('a browser subscribes with the server’s VAPID key; a new notice is pushed once, VAPID-signed for the push service’s origin and encrypted so that only that browser reads it', async () => {
    const { run, push } = await setup();
    const key = (await (await fetch(`${run.server.url}${subscriptionPaths.pushKey}`)).json()) as { publicKey: string };
    expect(key.publicKey).toBe(TEST_VAPID.publicKey);
    const browser = push.subscribe('ukrainian-phone');
    expect((await subscribeBrowser(run, browser, { topic: ['institution:pwik-brzozow'], language: 'uk' })).status).toBe(
      201,
    );
    const report = withNotice(demoReport(), {
      slug: 'przerwa-w-dostawie-wody-push',
      title: 'Przerwa w dostawie wody na ul. Polnej',
      summary: 'Woda wróci w czwartek o 14:00. Beczkowóz stoi przy szkole.',
    });
    await run.subscriptions.liveBuild(report);
    const [message] = await waitFor(() => (push.received.length > 0 ? push.received : undefined));
    expect(message?.problems).toEqual([]);
    expect(message?.payload).toEqual({
      title: 'Przerwa w dostawie wody na ul. Polnej',
      body: expect.stringContaining('. Woda wróci w czwartek o 14:00. Beczkowóz stoi przy szkole.'),
      url: 'https://tablica.example.org/komunikaty/przerwa-w-dostawie-wody-push/',
      lang: 'pl',
      tag: 'przerwa-w-dostawie-wody-push',
    });
    expect(message?.headers.urgency).toBe('high');
    // The same build again, or a notice of another institution: nothing more.
    await run.subscriptions.liveBuild(report);
    await run.subscriptions.liveBuild(
      withNotice(report, { slug: 'biblioteka-push', title: 'Biblioteka zamknięta w piątek' }, 'mbp-brzozow'),
    );
    await settled(run);
    expect(push.received).toHaveLength(1);
  });

  test('a translated version is pushed in the subscriber’s language', async () => {
    const { run, push } = await setup();
    await subscribeBrowser(run, push.subscribe(), { language: 'en' });
    const polish = { slug: 'komunikat-po-angielsku', title: 'Zamknięta pływalnia miejska' };
    const report = withNotice(withNotice(demoReport(), polish), {
      ...polish,
      locale: 'en',
      title: 'The city swimming pool is closed',
    });
    await run.subscriptions.liveBuild(report);
    const [message] = await waitFor(() => (push.received.length > 0 ? push.received : undefined));
    expect(message?.payload).toMatchObject({
      title: 'The city swimming pool is closed',
      lang: 'en',
      url: 'https://tablica.example.org/en/notices/komunikat-po-angielsku/',
    });
  });

  test('a subscription the push service says is gone (410) is forgotten; a failing service is retried', async () => {
    const { run, push } = await setup();
    await subscribeBrowser(run, push.subscribe());
    push.answer = 500;
    await run.subscriptions.liveBuild(
      withNotice(demoReport(), { slug: 'push-awaria', title: 'Komunikat w czasie awarii' }),
    );
    await waitFor(() => push.received.length === 1);
    await settled(run);
    expect(await run.subscriptions.status()).toMatchObject({ pushSubscribers: 1, pushQueued: 1, pushSent: 0 });
    push.answer = 410;
    run.advance(31_000);
    await waitFor(() => push.received.length === 2);
    await settled(run);
    expect(await run.subscriptions.status()).toMatchObject({ pushSubscribers: 0, pushQueued: 0 });
  });

  test('a subscription that is not one (no keys, short keys, not a URL, plain http) is refused, and the browser can unsubscribe', async () => {
    const { run, push } = await setup({ pushAllowPrivate: false });
    const good = push.subscribe();
    for (const subscription of [
      { endpoint: good.endpoint },
      { ...good, keys: { p256dh: 'abc', auth: good.keys.auth } },
      { ...good, endpoint: 'not a url' },
      // Plain http is only for an operator who allows private targets (these tests' loopback service).
      good,
    ]) {
      const answer = await subscribeBrowser(run, subscription);
      expect(answer.status).toBe(400);
      expect(answer.body.problems).toEqual([
        'Ta przeglądarka podała niepełne dane subskrypcji. Spróbuj ponownie albo zapisz się e-mailem.',
      ]);
    }
    expect((await run.subscriptions.status()).pushSubscribers).toBe(0);
  });

  test('SSRF guard: an endpoint on a private or loopback address is never contacted unless the operator allows it', async () => {
    const { run, push } = await setup({ pushAllowPrivate: false });
    const subscription = push.subscribe();
    // Stored as https (as real push services are), pointing at loopback: refused when sending.
    await run.subscriptions.store.addPushSubscriber(
      {
        endpoint: subscription.endpoint.replace('http:', 'https:'),
        p256dh: subscription.keys.p256dh,
        auth: subscription.keys.auth,
        language: 'pl',
        topics: ['all'],
      },
      Date.now(),
    );
    await run.subscriptions.liveBuild(
      withNotice(demoReport(), { slug: 'push-ssrf', title: 'Komunikat do sprawdzenia SSRF' }),
    );
    await waitFor(() => run.log.find((line) => line.includes('push notification was not accepted')));
    expect(run.log.find((line) => line.includes('push notification'))).toMatch(/refused: 127\.0\.0\.1 is a private/);
    expect(push.received).toHaveLength(0);
    const unsubscribed = await fetch(`${run.server.url}${subscriptionPaths.pushUnsubscribe}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ endpoint: subscription.endpoint.replace('http:', 'https:') }),
    });
    expect(unsubscribed.status).toBe(200);
    expect((await run.subscriptions.status()).pushSubscribers).toBe(0);
  });
});
