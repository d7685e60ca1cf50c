/**
 * Publish-to-live latency (issue budget: median ≤ 20 s with 1,000 notices on a 2-core machine),
 * and publish → first e-mail in a subscriber's inbox (budget: median ≤ 15 s).
 *
 *   npm run bench:publish            (also part of npm run bench)
 *   TABLICA_BENCH_NOTICES=1000 TABLICA_BENCH_PUBLISHES=5
 *
 * A real Strapi with 1,000 published notices sends its webhook to the publisher; each sample is
 * the time from the editor's "Publish" (the document service call) until the edited page is served
 * by the publisher's server. Reported next to the plain site build from the same Strapi, measured
 * in the same run: the part of the latency that is not the build is the publisher's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateSnapshot, isStillNews, loadSnapshot } from '@tablica/shared';
import { bootStrapi } from '../cms/test/helpers/boot-strapi.mts';
import { startPublisher } from '../site/publisher/main.ts';
import { runSiteBuild } from '../site/publisher/site-build.ts';
import { startMailCatcher } from '../tests/support/mail-catcher.ts';
import { startSwitchableProxy } from '../tests/support/switchable-proxy.ts';

const NOTICES = Number(process.env.TABLICA_BENCH_NOTICES ?? 1_000);
const PUBLISHES = Number(process.env.TABLICA_BENCH_PUBLISHES ?? 5);
const BUDGET_MEDIAN_S = 20;
const MAIL_BUDGET_MEDIAN_S = 15;
const SECRET = 'bench-webhook-secret-0123456789';
const require = createRequire(import.meta.url);
const scratch = mkdtempSync(path.join(tmpdir(), 'tablica-publish-bench-'));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};

console.log(`Tablica publish-to-live benchmark: ${NOTICES.toLocaleString('en')} notices, ${PUBLISHES} publishes`);
// A subscriber's inbox: a real SMTP server on loopback.
const inbox = await startMailCatcher();
const env = {
  ...process.env,
  SMTP_URL: inbox.url,
  SITE_REBUILD_SECRET: SECRET,
  SITE_PORT: '0',
  PUBLISHER_PORT: '0',
  TABLICA_DEPLOY_DIR: path.join(scratch, 'deploys'),
  TABLICA_POLL_SECONDS: '3600',
  TABLICA_BASE_URL: 'https://tablica.example.org',
};
const quiet = () => {};
// Strapi must know the publisher's address and the publisher Strapi's: a proxy in between lets
// the publisher start first (the tests do the same).
const proxy = await startSwitchableProxy();
const running = await startPublisher({ ...env, STRAPI_URL: proxy.url }, { autoStart: false, log: quiet });
const cms = await bootStrapi({
  env: { SITE_REBUILD_URL: `${running.control.url}/hooks/rebuild`, SITE_REBUILD_SECRET: SECRET },
});
const { importSnapshot } = require(path.resolve(import.meta.dirname, '../cms/dist/src/seed/import-snapshot.js'));
const { refreshStatistics } = require(path.resolve(import.meta.dirname, '../cms/dist/src/seed/refresh-statistics.js'));
const snapshot = loadSnapshot(generateSnapshot(NOTICES, 42, { institutions: 20 }));
const seedStarted = performance.now();
await cms.strapi.db.transaction(() => importSnapshot(cms.strapi, snapshot));
// As `npm run seed` does after an import (cms/src/seed/refresh-statistics.ts).
await refreshStatistics(cms.strapi);
console.log(`  seeded ${NOTICES} notices in ${seconds(performance.now() - seedStarted)}`);

proxy.target = new URL(cms.url);
running.begin();
const waitUntil = async (check: () => Promise<boolean> | boolean, timeoutMs = 300_000) => {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};
await waitUntil(() => running.publisher.lastBuild?.result === 'live');
// One confirmed subscriber of everything, signed up after the first build (which is the baseline).
const store = running.subscriptions?.store;
if (!store) throw new Error('the publisher runs no subscriptions');
const signUp = await store.addPending(
  { address: 'bench@example.org', topics: ['all'], language: 'pl', frequency: 'immediate' },
  Date.now(),
);
await store.confirmationSent(signUp, Date.now());
await store.confirm(signUp, Date.now(), 3_600_000);

// The plain build from the same Strapi, measured twice in this run.
const plain: number[] = [];
for (let i = 0; i < 2; i += 1) {
  const started = performance.now();
  const run = await runSiteBuild(path.join(scratch, `plain-${i}`), {
    env: { ...env, STRAPI_URL: cms.url, TABLICA_CONTENT: '' },
    timeoutMs: 600_000,
  });
  if (!run.ok) throw new Error(`the plain build failed:\n${run.tail}`);
  plain.push(performance.now() - started);
}

const notices = cms.strapi.documents('api::notice.notice');
const samples: number[] = [];
const mailSamples: number[] = [];
// Notices that are still news: a change to one ended long ago reaches the site but tells no one.
const original = snapshot.notices
  .filter((notice) => notice.locale === 'pl' && isStillNews(notice, new Date()))
  .slice(0, PUBLISHES);
for (const [index, notice] of original.entries()) {
  const document = await notices.findFirst({ filters: { slug: notice.slug }, locale: 'pl' } as never);
  const title = `Zmiana nr ${index + 1}: ${notice.title}`.slice(0, 200);
  await notices.update({ documentId: document?.documentId, locale: 'pl', data: { title } } as never);
  const started = performance.now();
  await notices.publish({ documentId: document?.documentId, locale: 'pl' } as never);
  const url = `${running.site.url}/komunikaty/${notice.slug}/`;
  const escaped = title.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');
  await waitUntil(async () => (await (await fetch(url)).text()).includes(escaped));
  samples.push(performance.now() - started);
  await waitUntil(() => inbox.to('bench@example.org').some((mail) => mail.parsed.subject?.includes(title) === true));
  mailSamples.push(performance.now() - started);
  await waitUntil(() => !running.publisher.queue.running && !running.publisher.queue.queued);
}

const median = percentile(samples, 50);
const plainMedian = percentile(plain, 50);
console.log(`  plain site build:        ${plain.map(seconds).join(', ')}`);
console.log(`  publish → page served:   ${samples.map(seconds).join(', ')}`);
console.log(
  `  median ${seconds(median)}, p95 ${seconds(percentile(samples, 95))}; ${(median / plainMedian).toFixed(2)}× the plain build`,
);
console.log(
  `  budget:                  median ${median / 1000 <= BUDGET_MEDIAN_S ? 'within' : 'OVER'} ${BUDGET_MEDIAN_S} s`,
);
const mailMedian = percentile(mailSamples, 50);
console.log(`  publish → e-mail in the inbox: ${mailSamples.map(seconds).join(', ')}`);
console.log(
  `  median ${seconds(mailMedian)}; ${(mailMedian / median).toFixed(2)}× publish → page served; budget: median ${mailMedian / 1000 <= MAIL_BUDGET_MEDIAN_S ? 'within' : 'OVER'} ${MAIL_BUDGET_MEDIAN_S} s`,
);

await running.stop();
await cms.stop();
await proxy.close();
await inbox.close();
rmSync(scratch, { recursive: true, force: true });
process.exit(0);
