/**
 * One outbox worker in a process of its own, as a second publisher on another machine runs it:
 * it opens the shared Postgres store and sends what it claims through its own SMTP connection.
 * The test that starts it may kill it at any moment (SIGKILL: no cleanup, no goodbye).
 *
 *   TABLICA_SUBSCRIPTIONS_DB  postgres://…   SMTP_URL  smtp://…?name=<its EHLO name>
 *   OUTBOX_LEASE_SECONDS, OUTBOX_RETRY_SECONDS, OUTBOX_SUPERVISE_SECONDS   the store's timings
 */
import { Deliverer } from '../../site/publisher/subscriptions/deliverer.ts';
import { createMailer } from '../../site/publisher/subscriptions/mailer.ts';
import { openSubscriptionStore } from '../../site/publisher/subscriptions/open-store.ts';

const env = process.env;
const store = await openSubscriptionStore(env.TABLICA_SUBSCRIPTIONS_DB ?? '', {
  leaseSeconds: Number(env.OUTBOX_LEASE_SECONDS ?? 120),
  retryDelaySeconds: Number(env.OUTBOX_RETRY_SECONDS ?? 30),
  superviseIntervalSeconds: Number(env.OUTBOX_SUPERVISE_SECONDS ?? 30),
  log: (message) => process.stderr.write(`${message}\n`),
});
const mailer = createMailer({ smtpUrl: env.SMTP_URL ?? '', from: 'powiadomienia@tablica.example.org' });
const deliverer = new Deliverer({
  store,
  send: mailer.send,
  linksFor: () => ({ unsubscribe: 'https://tablica.example.org/u', manage: 'https://tablica.example.org/m' }),
  confirmUrl: () => 'https://tablica.example.org/c',
  describeSignUp: async () => ({ siteName: 'Tablica', topics: [] }),
  confirmHours: 48,
  siteHost: 'tablica.example.org',
  log: (message) => process.stderr.write(`${message}\n`),
  batchSize: 50,
});
deliverer.start(200);
process.stdout.write('ready\n');
process.on('SIGTERM', async () => {
  await deliverer.stop();
  mailer.close();
  await store.close();
  process.exit(0);
});
