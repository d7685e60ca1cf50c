/**
 * Publish-to-live latency (issue budgets: median ≤ 10 s at 10,000 notices and at most 1.5× the
 * median at 1,000, on a 2-core machine), publish → first e-mail in a subscriber's inbox (budget:
 * median ≤ 15 s), and the peak memory of each process on the publish path (budget ≤ 2 GB each).
 *
 *   npm run bench:publish            (also part of npm run bench: 1,000 notices)
 *   TABLICA_BENCH_NOTICES=1000,3000,10000,30000 TABLICA_BENCH_PUBLISHES=5   (the curve)
 *   TABLICA_BENCH_SEEDED_DIR=<dir>   keeps each size's seeded database there for later runs
 *   TABLICA_BENCH_LOG=1              prints the publisher's log, timed
 *
 * The processes are those of production: a real Strapi in a process of its own (SQLite, seeded
 * with N published notices) sends its webhook to the publisher (this process), which runs each
 * site build in a child. Each sample is the time from the editor's "Publish" (the admin's API
 * call) until the edited page is served by the publisher's server. Reported next to the plain
 * site build from the same Strapi, measured in the same run: the part of the latency that is not
 * the build is the publisher's. Each size runs on a fresh CMS and publisher; the curve at the
 * end compares each median with the first size's.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateSnapshot, isStillNews, loadSnapshot } from '@tablica/shared';
import { rest } from '../cms/test/helpers/rest.mts';
import { watchPeakMemory } from '../site/bench/process-tree-memory.ts';
import { startPublisher } from '../site/publisher/main.ts';
import { runSiteBuild } from '../site/publisher/site-build.ts';
import { startCmsProcess, stopCmsProcess } from '../tests/support/cms-process.ts';
import { startMailCatcher } from '../tests/support/mail-catcher.ts';
import { startSwitchableProxy } from '../tests/support/switchable-proxy.ts';

const SIZES = (process.env.TABLICA_BENCH_NOTICES ?? '1000').split(',').map(Number);
const PUBLISHES = Number(process.env.TABLICA_BENCH_PUBLISHES ?? 5);
const BUDGET_MEDIAN_S = 10;
const MAIL_BUDGET_MEDIAN_S = 15;
const BUDGET_PROCESS_BYTES = 2 * 1024 ** 3;
/** The budget's growth limit: the median at 10,000 notices at most 1.5× the median at 1,000. */
const BUDGET_GROWTH = 1.5;
const SECRET = 'bench-webhook-secret-0123456789';
const EDITOR = { email: 'bench-editor@example.org', password: 'Bench-editor-2026!' };
const CM = '/content-manager/collection-types/api::notice.notice';
const scratch = mkdtempSync(path.join(tmpdir(), 'tablica-publish-bench-'));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};

// A subscriber's inbox: a real SMTP server on loopback.
const inbox = await startMailCatcher();
const mb = (bytes: number) => `${Math.round(bytes / 1024 ** 2).toLocaleString('en')} MB`;
const waitUntil = async (check: () => Promise<boolean> | boolean, timeoutMs = 300_000) => {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/**
 * The seeded database of one size: seeded here (10,000 notices took 9 minutes, 30,000 took 34, on
 * two cores with other work beside), or, with TABLICA_BENCH_SEEDED_DIR, copied from the one an
 * earlier run seeded and kept there (the run's edits go to the copy). Returns the seeding time,
 * undefined for a copy.
 */
async function seededDatabase(notices: number, sqliteFile: string): Promise<number | undefined> {
  const kept = process.env.TABLICA_BENCH_SEEDED_DIR
    ? path.join(process.env.TABLICA_BENCH_SEEDED_DIR, `cms-${notices}.db`)
    : undefined;
  if (kept && existsSync(kept)) {
    copyFileSync(kept, sqliteFile);
    return undefined;
  }
  const seeding = await startCmsProcess({ seedNotices: notices, sqliteFile, env: {} });
  await stopCmsProcess(seeding);
  if (kept) {
    mkdirSync(path.dirname(kept), { recursive: true });
    copyFileSync(sqliteFile, kept);
  }
  return seeding.seededMs;
}

/** One size: a fresh CMS seeded with `NOTICES` notices, a fresh publisher, PUBLISHES edits. */
async function measure(NOTICES: number) {
  console.log(`Tablica publish-to-live benchmark: ${NOTICES.toLocaleString('en')} notices, ${PUBLISHES} publishes`);
  const env = {
    ...process.env,
    SMTP_URL: inbox.url,
    SITE_REBUILD_SECRET: SECRET,
    SITE_PORT: '0',
    PUBLISHER_PORT: '0',
    TABLICA_DEPLOY_DIR: path.join(scratch, `deploys-${NOTICES}`),
    TABLICA_POLL_SECONDS: '3600',
    TABLICA_BASE_URL: 'https://tablica.example.org',
  };
  // TABLICA_BENCH_LOG=1: the publisher's log, timed, to see where a publish spends its time.
  const clock = () => new Date().toISOString().slice(11, 23);
  const publisherLog = process.env.TABLICA_BENCH_LOG
    ? (line: string) => console.log(`    ${clock()} ${line}`)
    : () => {};
  // Strapi must know the publisher's address and the publisher Strapi's: a proxy in between lets
  // the publisher start first (the tests do the same).
  const proxy = await startSwitchableProxy();
  const running = await startPublisher({ ...env, STRAPI_URL: proxy.url }, { autoStart: false, log: publisherLog });
  // As a city sets up: the archive imported by one process (`npm run seed`: the same snapshot as
  // this one, seed 42), then the CMS started afresh on that database, running compiled code as
  // `strapi start` does, so its memory is the CMS's own and not the import's or the compiler's.
  const sqliteFile = path.join(scratch, `cms-${NOTICES}.db`);
  const seededMs = await seededDatabase(NOTICES, sqliteFile);
  const cms = await startCmsProcess({
    sqliteFile,
    compile: false,
    env: {
      // As `npm start` and `npm run start -w cms` run it, whatever the shell running the bench says.
      NODE_ENV: 'production',
      SITE_REBUILD_URL: `${running.control.url}/hooks/rebuild`,
      SITE_REBUILD_SECRET: SECRET,
      ADMIN_EMAIL: EDITOR.email,
      ADMIN_PASSWORD: EDITOR.password,
    },
  });
  const snapshot = loadSnapshot(generateSnapshot(NOTICES, 42, { institutions: 20 }));
  console.log(
    seededMs === undefined
      ? `  ${NOTICES} notices: a database seeded by an earlier run (TABLICA_BENCH_SEEDED_DIR)`
      : `  seeded ${NOTICES} notices in ${seconds(seededMs)}`,
  );
  // From here on, the peak memory of each process on the publish path.
  const memory = watchPeakMemory(process.pid, {
    everyMs: 250,
    labelOf: (sample) =>
      sample.pid === process.pid
        ? 'publisher (this process)'
        : sample.pid === cms.child.pid
          ? 'CMS (Strapi)'
          : /astro\.m?js build/.test(sample.command)
            ? 'astro build'
            : sample.command.includes('scripts/build.ts')
              ? 'site build script'
              : sample.command.includes('search-index-later')
                ? 'search index script'
                : sample.name,
  });
  const login = await rest<{ data: { token: string } }>(cms.url, '/admin/login', {
    method: 'POST',
    body: EDITOR,
  });
  if (login.status !== 200) throw new Error(`the editor could not sign in: ${login.text}`);
  const token = login.body.data.token;

  proxy.target = new URL(cms.url);
  running.begin();
  await waitUntil(() => running.publisher.lastBuild?.result === 'live');
  // One confirmed subscriber of everything, signed up after the first build (which is the baseline).
  const store = running.subscriptions?.store;
  if (!store) throw new Error('the publisher runs no subscriptions');
  const signUp = await store.addPending(
    { address: `bench-${NOTICES}@example.org`, topics: ['all'], language: 'pl', frequency: 'immediate' },
    Date.now(),
  );
  await store.confirmationSent(signUp, Date.now());
  await store.confirm(signUp, Date.now(), 3_600_000);

  // The plain build from the same Strapi, measured twice in this run.
  const plain: number[] = [];
  for (let i = 0; i < 2; i += 1) {
    const started = performance.now();
    const run = await runSiteBuild(path.join(scratch, `plain-${NOTICES}-${i}`), {
      env: { ...env, STRAPI_URL: cms.url, TABLICA_CONTENT: '' },
      timeoutMs: 600_000,
    });
    if (!run.ok) throw new Error(`the plain build failed:\n${run.tail}`);
    plain.push(performance.now() - started);
  }

  const samples: number[] = [];
  const mailSamples: number[] = [];
  // Notices that are still news: a change to one ended long ago reaches the site but tells no one.
  const original = snapshot.notices
    .filter((notice) => notice.locale === 'pl' && isStillNews(notice, new Date()))
    .slice(0, PUBLISHES);
  for (const [index, notice] of original.entries()) {
    // As the editor does it in the admin: find the notice, change its title, save, publish.
    const found = await rest<{ results: { documentId: string }[] }>(
      cms.url,
      `${CM}?locale=pl&filters[slug][$eq]=${encodeURIComponent(notice.slug)}`,
      { token },
    );
    const documentId = found.body.results[0]?.documentId;
    if (!documentId) throw new Error(`notice ${notice.slug} not found in the CMS: ${found.text}`);
    const title = `Zmiana nr ${index + 1}: ${notice.title}`.slice(0, 200);
    const saved = await rest(cms.url, `${CM}/${documentId}?locale=pl`, { method: 'PUT', token, body: { title } });
    if (saved.status !== 200) throw new Error(`saving the edit failed: ${saved.text}`);
    const started = performance.now();
    publisherLog(`bench: publishing ${notice.slug}`);
    const published = await rest(cms.url, `${CM}/${documentId}/actions/publish?locale=pl`, {
      method: 'POST',
      token,
      body: {},
    });
    if (published.status !== 200) throw new Error(`publishing failed: ${published.text}`);
    const url = `${running.site.url}/komunikaty/${notice.slug}/`;
    const escaped = title.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');
    await waitUntil(async () => (await (await fetch(url)).text()).includes(escaped));
    samples.push(performance.now() - started);
    publisherLog('bench: the edited page is served');
    await waitUntil(() =>
      inbox.to(`bench-${NOTICES}@example.org`).some((mail) => mail.parsed.subject?.includes(title) === true),
    );
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

  const { peakByProcess } = memory.stop();
  const heaviest = Math.max(...peakByProcess.values());
  console.log(
    `  peak memory per process: ${[...peakByProcess].map(([label, bytes]) => `${label} ${mb(bytes)}`).join(', ')}; ` +
      `budget: ${heaviest <= BUDGET_PROCESS_BYTES ? 'within' : 'OVER'} ${mb(BUDGET_PROCESS_BYTES)} each`,
  );

  await running.stop();
  await stopCmsProcess(cms);
  await proxy.close();
  return { notices: NOTICES, median, heaviest };
}

const results = [];
for (const size of SIZES) results.push(await measure(size));
if (results.length > 1) {
  const first = results[0] as (typeof results)[number];
  console.log('The curve (publish → page served, median):');
  for (const result of results) {
    const growth = result.median / first.median;
    console.log(
      `  ${result.notices.toLocaleString('en').padStart(7)} notices: ${seconds(result.median).padStart(7)}, ${growth.toFixed(2)}× the median at ${first.notices.toLocaleString('en')}` +
        (result.notices >= 10 * first.notices
          ? ` (budget ${growth <= BUDGET_GROWTH ? 'within' : 'OVER'} ${BUDGET_GROWTH}×)`
          : '') +
        `, heaviest process ${mb(result.heaviest)}`,
    );
  }
}
await inbox.close();
rmSync(scratch, { recursive: true, force: true });
process.exit(0);
