import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startPublisher } from '../../site/publisher/main.ts';
import { liveVersions } from '../../site/publisher/subscriptions/live-versions.ts';
import { openSubscriptionStore } from '../../site/publisher/subscriptions/open-store.ts';
import { subscriptionPaths } from '../../site/src/lib/subscription-paths.ts';
import { startMailCatcher } from '../support/mail-catcher.ts';
import { announcePostgresSkip, testPostgresUrl, throwawayDatabase } from '../support/throwaway-postgres.ts';
import { tinyDeployDir } from '../support/tiny-build.ts';
import {
  BASE_URL,
  confirmFrom,
  demoReport,
  linkIn,
  type RunningSubscriptions,
  settled,
  signUp,
  startSubscriptions,
  waitFor,
  withNotice,
} from './subscription-support.ts';

/**
 * Subscriptions for publishers on several machines: the store and its outbox in Postgres (pg-boss
 * queues), each test in a database of its own. Workers here are separate processes, killed for
 * real where the test says so.
 */
announcePostgresSkip('Subscriptions on Postgres');

const WORKER = path.resolve(import.meta.dirname, '../support/outbox-worker.ts');
/** Seconds, not minutes, until a dead worker's claims lapse and are retried. */
const SHORT_TIMINGS = { leaseSeconds: 5, retryDelaySeconds: 1, superviseIntervalSeconds: 1 };
let database: Awaited<ReturnType<typeof throwawayDatabase>>;
const cleanups: (() => Promise<void> | void)[] = [];
beforeEach(async () => {
  database = await throwawayDatabase(testPostgresUrl ?? '', 'tablica_subscriptions_test');
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await database.drop();
});

const start = async () => {
  const run = await startSubscriptions({ database: database.url });
  cleanups.push(() => run.stop());
  return run;
};

async function subscribe(run: RunningSubscriptions, email: string, topic = ['all']) {
  const before = run.mail.to(email).length;
  expect((await signUp(run.server.url, { email, topic })).status).toBe(202);
  const mail = await waitFor(() => run.mail.to(email)[before]);
  expect((await confirmFrom(run.server.url, mail.parsed.text ?? '')).status).toBe(200);
}

/** A worker process on the shared store, sending as `name` (its EHLO greeting). */
async function startWorker(name: string, smtpUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [WORKER], {
    env: {
      ...process.env,
      TABLICA_SUBSCRIPTIONS_DB: database.url,
      SMTP_URL: `${smtpUrl}/?name=${name}`,
      OUTBOX_LEASE_SECONDS: String(SHORT_TIMINGS.leaseSeconds),
      OUTBOX_RETRY_SECONDS: String(SHORT_TIMINGS.retryDelaySeconds),
      OUTBOX_SUPERVISE_SECONDS: String(SHORT_TIMINGS.superviseIntervalSeconds),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker ${name} exited (${code}): ${output.join('')}`)));
  });
  return child;
}

describe.skipIf(!testPostgresUrl)('e-mail subscriptions on Postgres (publishers on several machines)', () => {
  test('sign-up, confirmation, a new notice once (also when the same build is recorded again), a correction not sent, one-click unsubscribe, an operator’s erasure', async () => {
    const run = await start();
    const email = 'na-postgresie@example.org';
    await subscribe(run, email, ['institution:pwik-brzozow']);
    expect(await run.subscriptions.status()).toMatchObject({ subscribers: 1, pending: 0 });

    const version = { slug: 'woda-na-postgresie', title: 'Przerwa w dostawie wody (Postgres)', revision: 1 };
    const report = withNotice(demoReport(), version);
    expect(await run.subscriptions.liveBuild(report)).toBe(1);
    const notice = await waitFor(() => run.mail.to(email)[1]);
    expect(notice.parsed.subject).toBe('Przerwa w dostawie wody (Postgres)');
    expect(await run.subscriptions.liveBuild(report)).toBe(0);
    // A typo fixed without a new revision is the same version: nobody is told.
    expect(
      await run.subscriptions.liveBuild(withNotice(demoReport(), { ...version, summary: 'Poprawiona literówka.' })),
    ).toBe(0);
    await settled(run);
    expect(run.mail.to(email)).toHaveLength(2);
    expect(await run.subscriptions.status()).toMatchObject({ queued: 0, sent: 1 });

    // One-click unsubscribe (RFC 8058), then a new notice: nothing comes.
    const unsubscribe = linkIn(notice.parsed.text ?? '', subscriptionPaths.unsubscribe);
    expect((await fetch(`${run.server.url}${unsubscribe}`, { method: 'POST' })).status).toBe(200);
    expect(await run.subscriptions.store.subscriberByAddress(email)).toBeUndefined();
    expect(
      await run.subscriptions.liveBuild(withNotice(demoReport(), { slug: 'po-wypisaniu', title: 'Po wypisaniu' })),
    ).toBe(0);

    // An operator answering a request: export shows the pending sign-up, delete erases it.
    const other = 'wniosek@example.org';
    expect((await signUp(run.server.url, { email: other })).status).toBe(202);
    await waitFor(() => run.mail.to(other)[0]);
    expect((await run.subscriptions.store.exportAddress(other)).pendingSignUps).toHaveLength(1);
    expect(await run.subscriptions.store.deleteAddress(other)).toBe(true);
    expect(await run.subscriptions.store.exportAddress(other)).toEqual({ subscriber: null, pendingSignUps: [] });
  });

  test('when the subscriptions’ Postgres goes away, /status still answers, saying so, and the site is still served', async () => {
    const mail = await startMailCatcher();
    cleanups.push(() => mail.close());
    const { deployDir } = tinyDeployDir();
    const running = await startPublisher(
      {
        ...process.env,
        SITE_PORT: '0',
        PUBLISHER_PORT: '0',
        SITE_REBUILD_SECRET: 'status-test-secret-0123456789',
        TABLICA_DEPLOY_DIR: deployDir,
        STRAPI_URL: 'http://127.0.0.1:9',
        TABLICA_STRAPI_RETRIES: '0',
        TABLICA_RETRY_SECONDS: '3600',
        SMTP_URL: mail.url,
        TABLICA_SUBSCRIPTIONS_DB: database.url,
      },
      { autoStart: false, log: () => {} },
    );
    cleanups.push(() => running.stop());
    const status = async () => {
      const response = await fetch(`${running.control.url}/status`);
      return { code: response.status, body: (await response.json()) as { subscriptions: Record<string, unknown> } };
    };
    expect((await status()).body.subscriptions).toMatchObject({ subscribers: 0 });
    await database.drop();
    const after = await status();
    expect(after.code).toBe(200);
    expect(after.body.subscriptions).toEqual({ unavailable: expect.stringMatching(/did not answer/) });
    expect((await fetch(`${running.site.url}/`)).status).toBe(200);
  });

  test('two publishers opening an empty database at once both start; a build recorded by both queues each version once', async () => {
    const [first, second] = await Promise.all([
      openSubscriptionStore(database.url, { log: () => {} }),
      openSubscriptionStore(database.url, { log: () => {} }),
    ]);
    cleanups.push(
      () => first.close(),
      () => second.close(),
    );
    for (let index = 0; index < 20; index += 1) {
      const id = await first.addPending(
        { address: `p${index}@example.org`, topics: ['all'], language: 'pl', frequency: 'immediate' },
        Date.now(),
      );
      await second.confirm(id, Date.now(), 3_600_000);
    }
    const now = new Date();
    await first.recordVersions(liveVersions(demoReport(now), BASE_URL, now), now.getTime(), () => now.getTime());
    const build = liveVersions(
      withNotice(demoReport(now), { slug: 'dwaj-wydawcy', title: 'Dwaj wydawcy' }),
      BASE_URL,
      now,
    );
    const queued = await Promise.all([
      first.recordVersions(build, now.getTime(), () => now.getTime()),
      second.recordVersions(build, now.getTime(), () => now.getTime()),
    ]);
    expect(queued.sort()).toEqual([0, 20]);
    expect(await first.counts()).toMatchObject({ subscribers: 20, queued: 20 });
  });

  test('two worker processes, 500 subscribers, one publish: exactly 500 mails, none twice — also when one worker is killed (SIGKILL) while the server still holds its mails', async () => {
    const catcher = await startMailCatcher();
    cleanups.push(() => catcher.close());
    // The publisher's side: it records the build and queues the deliveries (with the short lease the
    // workers use too); it runs no worker of its own: the two processes are the workers.
    const store = await openSubscriptionStore(database.url, { ...SHORT_TIMINGS, log: () => {} });
    cleanups.push(() => store.close());
    const record = (report: ReturnType<typeof demoReport>) => {
      const now = new Date();
      return store.recordVersions(liveVersions(report, BASE_URL, now), now.getTime(), () => now.getTime());
    };
    await record(demoReport());
    for (let index = 0; index < 500; index += 1) {
      const id = await store.addPending(
        { address: `m${index}@example.org`, topics: ['all'], language: 'pl', frequency: 'immediate' },
        Date.now(),
      );
      // Confirmed as the link does; a confirmed sign-up's confirmation mail is not sent.
      await store.confirm(id, Date.now(), 3_600_000);
    }
    expect((await store.counts()).subscribers).toBe(500);

    // Worker A's mails are received by the server but not answered yet: A is mid-batch.
    catcher.holdClient = 'worker-a';
    const workerA = await startWorker('worker-a', catcher.url);
    const workerB = await startWorker('worker-b', catcher.url);
    const subject = 'Komunikat dla pięciuset osób';
    expect(await record(withNotice(demoReport(), { slug: 'do-pieciuset', title: subject }))).toBe(500);
    await waitFor(() => catcher.held.length >= 4 && catcher.mails.length >= 50, 60_000);
    const inFlight = [...catcher.held];
    workerA.kill('SIGKILL');
    await new Promise((resolve) => workerA.once('exit', resolve));
    catcher.holdClient = undefined;

    // B takes over what A held once A's claims lapse (5 s here), and sends each once.
    await waitFor(() => catcher.mails.filter((mail) => mail.parsed.subject === subject).length >= 500, 120_000);
    await waitFor(async () => (await store.counts()).queued === 0, 30_000);
    // Longer than a lease and a retry: a duplicate would have come by now.
    await new Promise((resolve) => setTimeout(resolve, 7_000));
    const received = catcher.mails.filter((mail) => mail.parsed.subject === subject);
    expect(received).toHaveLength(500);
    expect(new Set(received.flatMap((mail) => mail.to)).size).toBe(500);
    for (const address of inFlight) {
      expect(received.filter((mail) => mail.to.includes(address))).toHaveLength(1);
    }
    expect(await store.counts()).toMatchObject({ queued: 0, sent: 500, gaveUp: 0 });
    workerB.kill('SIGTERM');
  });
});
