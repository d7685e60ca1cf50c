/**
 * E-mail delivery throughput (issue budget: 10,000 subscribers of one institution delivered to a
 * local SMTP server in ≤ 60 s on a 2-core machine).
 *
 *   npm run bench:mail               (also part of npm run bench)
 *   TABLICA_BENCH_SUBSCRIBERS=10000
 *   TABLICA_TEST_DATABASE_URL=postgres://…   also measures the Postgres store (pg-boss queues),
 *                                    in a database of its own, dropped afterwards
 *
 * 10,000 confirmed subscribers of one institution; one live build carries a new notice of it; the
 * time is from the build being recorded until the SMTP server (smtp-server on loopback, counting,
 * not parsing) has accepted every mail. Reported next to the plain send rate measured in the same
 * run: the same number of mails of the same size sent by nodemailer's pool straight to the server,
 * with no outbox, composing or claiming — the floor the outbox adds to.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createMailer } from '../site/publisher/subscriptions/mailer.ts';
import { Subscriptions } from '../site/publisher/subscriptions/service.ts';
import { demoReport, TEST_VAPID, withNotice } from '../tests/publish/subscription-support.ts';
import { startMailCatcher } from '../tests/support/mail-catcher.ts';
import { testPostgresUrl, throwawayDatabase } from '../tests/support/throwaway-postgres.ts';

const SUBSCRIBERS = Number(process.env.TABLICA_BENCH_SUBSCRIBERS ?? 10_000);
const BUDGET_S = 60;
const scratch = mkdtempSync(path.join(tmpdir(), 'tablica-mail-bench-'));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const rate = (count: number, ms: number) => `${Math.round(count / (ms / 1000)).toLocaleString('en')} mails/s`;
const waitFor = async (check: () => boolean, timeoutMs = 600_000) => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

console.log(`Tablica e-mail throughput benchmark: ${SUBSCRIBERS.toLocaleString('en')} subscribers of one institution`);
const catcher = await startMailCatcher({ keep: false });

// The baseline: the same number of mails of the same size, straight through nodemailer's pool.
const sample = {
  subject: 'Przerwa w dostawie wody',
  text: 'x'.repeat(1_500),
  html: `<p>${'x'.repeat(3_000)}</p>`,
  headers: {},
};
const plainMailer = createMailer({ smtpUrl: catcher.url, from: 'powiadomienia@tablica.example.org' });
const plainStarted = performance.now();
for (let index = 0; index < SUBSCRIBERS; index += 64) {
  await Promise.all(
    Array.from({ length: Math.min(64, SUBSCRIBERS - index) }, (_, offset) =>
      plainMailer.send(`plain${index + offset}@example.org`, sample),
    ),
  );
}
const plainMs = performance.now() - plainStarted;
plainMailer.close();
console.log(`  plain SMTP send:            ${seconds(plainMs)} (${rate(SUBSCRIBERS, plainMs)})`);

/** One store: subscribers signed up and confirmed, then one live build with a notice for all of them. */
async function measure(label: string, database: string) {
  const subscriptions = await Subscriptions.open({
    database,
    smtpUrl: catcher.url,
    from: '"Tablica" <powiadomienia@tablica.example.org>',
    secret: 'bench-secret-for-links-0123456789',
    baseUrl: 'https://tablica.example.org',
    log: () => {},
    vapid: TEST_VAPID,
  });
  await subscriptions.liveBuild(demoReport());
  const { store } = subscriptions;
  for (let index = 0; index < SUBSCRIBERS; index += 1) {
    const id = await store.addPending(
      {
        address: `osoba${index}@example.org`,
        topics: ['institution:pwik-brzozow'],
        language: 'pl',
        frequency: 'immediate',
      },
      Date.now(),
    );
    // Confirmed at once: the confirmation mails are not what this measures (a confirmed sign-up sends none).
    await store.confirm(id, Date.now(), 3_600_000);
  }
  subscriptions.start();
  await subscriptions.deliverer.idle();

  const before = catcher.accepted;
  const started = performance.now();
  const queued = await subscriptions.liveBuild(
    withNotice(demoReport(), { slug: 'bench-przerwa-w-dostawie-wody', title: 'Przerwa w dostawie wody na ul. Polnej' }),
  );
  if (queued !== SUBSCRIBERS) throw new Error(`queued ${queued}, expected ${SUBSCRIBERS}`);
  const queuedMs = performance.now() - started;
  await waitFor(() => catcher.accepted - before >= SUBSCRIBERS);
  const deliveredMs = performance.now() - started;
  await subscriptions.deliverer.idle();
  const counts = await subscriptions.status();
  console.log(`  ${label}:`);
  console.log(`    queued by the live build: ${seconds(queuedMs)}`);
  console.log(
    `    all delivered:            ${seconds(deliveredMs)} (${rate(SUBSCRIBERS, deliveredMs)}); ${(deliveredMs / plainMs).toFixed(2)}× the plain send`,
  );
  console.log(`    outbox after:             ${counts.sent} sent, ${counts.queued} queued, ${counts.gaveUp} given up`);
  console.log(`    budget:                   ${deliveredMs / 1000 <= BUDGET_S ? 'within' : 'OVER'} ${BUDGET_S} s`);
  await subscriptions.stop();
}

await measure('SQLite outbox (the embedded default)', path.join(scratch, 'subscriptions.db'));
if (testPostgresUrl) {
  const database = await throwawayDatabase(testPostgresUrl, 'tablica_bench');
  try {
    await measure('Postgres store, pg-boss queues', database.url);
  } finally {
    await database.drop();
  }
} else {
  console.log(
    '  Postgres store: not measured (set TABLICA_TEST_DATABASE_URL to a Postgres it may create databases in)',
  );
}

await catcher.close();
rmSync(scratch, { recursive: true, force: true });
