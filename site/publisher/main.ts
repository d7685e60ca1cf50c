/**
 * The publisher: keeps the live site in step with the CMS and serves it.
 *
 *   npm run publisher -w site
 *
 *   STRAPI_URL            the CMS (default http://127.0.0.1:1337); STRAPI_TOKEN optional
 *   SITE_REBUILD_SECRET   the key the CMS signs its rebuild requests with (HMAC, see @tablica/shared/signing)
 *   HOST                  where the site listens (default 127.0.0.1)
 *   SITE_PORT             the site (default 4321); PUBLISHER_PORT: rebuild requests, /status and
 *                         the admin's draft previews, /podglad/… (4322; keep it off the public internet)
 *   PUBLISHER_HOST        where rebuild requests and /status listen (default 127.0.0.1: loopback only,
 *                         whatever HOST says; set it when the CMS runs on another machine)
 *   TABLICA_DEPLOY_TARGET where builds go live (deploy/from-env.ts; default `directory`)
 *   TABLICA_DEPLOY_DIR    the directory target's builds and live symlink (default site/.deploys)
 *   TABLICA_POLL_SECONDS  how often to ask the CMS for changes a webhook missed (default 120)
 *   TABLICA_BASE_URL      the public address of the site (default http://127.0.0.1:<SITE_PORT>)
 *   TABLICA_RETRY_SECONDS first pause before retrying a failed build (default 5, doubling to 300)
 *   TABLICA_BUILD_TIMEOUT_MINUTES how long a build or search index may run before it is stopped (default 30)
 *   SMTP_URL, MAIL_FROM, … e-mail subscriptions (subscriptions/service.ts); off without SMTP_URL
 *   TABLICA_WEBSUB_HUBS   WebSub hubs (comma-separated) the feeds declare and each live build pings
 *   TABLICA_NGINX_CONFIG, TABLICA_NGINX_ROOT, …  behind nginx: keep its configuration (nginx/keep-config.ts)
 *   TABLICA_PUBLISHER_LEASE postgres://… shared by a target's publishers: one builds, the others stand by (lease.ts)
 *   TABLICA_INCREMENTAL   0: every build renders every page (default: only what changed since the live build)
 */

import { numberSetting, portSetting } from '@tablica/shared/number-setting';
import { absoluteUrl } from '../src/lib/routes.ts';
import { readHubs } from '../src/lib/site-config.ts';
import { SUBSCRIPTION_API } from '../src/lib/subscription-paths.ts';
import { RETRY_DELAYS_MS } from './build-queue.ts';
import { createControlHandler } from './control-server.ts';
import type { DeployTarget } from './deploy/deploy-target.ts';
import { deployTargetFromEnv } from './deploy/from-env.ts';
import { PublisherLease } from './lease.ts';
import { tellCmsOfLiveVersions } from './newsroom-notifier.ts';
import { nginxConfigKeeper } from './nginx/keep-config.ts';
import { createPreviewHandler } from './preview.ts';
import { BUILD_TIMEOUT_MINUTES, POLL_SECONDS, Publisher } from './publisher.ts';
import { createSiteHandler, listen } from './static-server.ts';
import type { LiveReport } from './subscriptions/live-versions.ts';
import { Subscriptions, subscriptionsFromEnv } from './subscriptions/service.ts';
import { changedFeeds, pingHubs } from './websub.ts';

async function waitFor(url: string): Promise<void> {
  for (;;) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2_000) })).status < 500) return;
    } catch {
      // Not up yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * Starts the servers; with `autoStart: false` the building waits for `begin()` (tests). The deploy
 * target is the environment's (deploy/from-env.ts) unless one is given.
 */
export async function startPublisher(
  env: NodeJS.ProcessEnv = process.env,
  {
    autoStart = true,
    log,
    target = deployTargetFromEnv(env),
    onLeaseLost,
  }: {
    autoStart?: boolean;
    log?: (message: string) => void;
    target?: DeployTarget;
    /** The lease was lost (Postgres unreachable): the publisher has stopped building. */
    onLeaseLost?: () => void;
  } = {},
) {
  const secret = env.SITE_REBUILD_SECRET ?? '';
  if (secret.length < 16) throw new Error('Tablica: set SITE_REBUILD_SECRET (16+ characters) to receive webhooks.');
  // Every number is read here, before anything starts: a typo stops the publisher naming the setting.
  const seconds = (name: string, fallback: number) =>
    numberSetting(env, name, { fallback, what: 'a number of seconds' }) * 1000;
  const buildTimeoutMs =
    numberSetting(env, 'TABLICA_BUILD_TIMEOUT_MINUTES', {
      fallback: BUILD_TIMEOUT_MINUTES,
      what: 'a number of minutes',
    }) * 60_000;
  const pollIntervalMs = seconds('TABLICA_POLL_SECONDS', POLL_SECONDS);
  const firstRetryMs = seconds('TABLICA_RETRY_SECONDS', RETRY_DELAYS_MS.first / 1000);
  const sitePort = portSetting(env, 'SITE_PORT', 4321);
  const publisherPort = portSetting(env, 'PUBLISHER_PORT', 4322);
  // Object storage: which build is live is read from the bucket once, here.
  await target.open?.();
  const host = env.HOST ?? '127.0.0.1';
  const baseUrl = env.TABLICA_BASE_URL ?? `http://${host}:${sitePort}`;
  const logLine = log ?? ((message: string) => console.error(`[publisher] ${new Date().toISOString()} ${message}`));
  const subscriptionsConfig = subscriptionsFromEnv(env, {
    baseUrl,
    stateDirectory: target.stateDirectory,
    log: logLine,
  });
  const subscriptions = subscriptionsConfig ? await Subscriptions.open(subscriptionsConfig) : undefined;
  // The feeds name these hubs (the build reads the same variable); each live build pings them.
  const hubs = readHubs(env.TABLICA_WEBSUB_HUBS);
  // Behind nginx: its configuration follows the live build's inline code (nginx/keep-config.ts).
  const keepNginx = nginxConfigKeeper(env, logLine);
  // Two publishers of one target: the lease says which one builds (lease.ts).
  const lease = env.TABLICA_PUBLISHER_LEASE
    ? new PublisherLease(env.TABLICA_PUBLISHER_LEASE, target.description, logLine)
    : undefined;
  const publisher = new Publisher({
    target,
    strapiUrl: env.STRAPI_URL ?? 'http://127.0.0.1:1337',
    strapiToken: env.STRAPI_TOKEN || undefined,
    buildEnv: {
      ...env,
      TABLICA_BASE_URL: baseUrl,
      // The build offers the sign-up form only when something will send the mails.
      TABLICA_SUBSCRIPTIONS: subscriptions ? '1' : '',
    },
    pollIntervalMs,
    buildTimeoutMs,
    retryDelaysMs: { ...RETRY_DELAYS_MS, first: firstRetryMs },
    ...(log ? { log } : {}),
    // A build is live: subscribers are told (if any), and the CMS, which sends newsrooms' webhooks.
    onLive: (report: unknown) => {
      void subscriptions?.liveBuild(report as LiveReport);
      void tellCmsOfLiveVersions(report as LiveReport, {
        strapiUrl: env.STRAPI_URL ?? 'http://127.0.0.1:1337',
        secret,
        baseUrl,
        log: logLine,
      });
    },
    ...(subscriptions ? { subscriptionStatus: () => subscriptions.status() } : {}),
    ...(lease ? { lease } : {}),
    // TABLICA_INCREMENTAL=0: every build renders every page (to rule incremental builds out).
    incremental: env.TABLICA_INCREMENTAL !== '0',
    // TABLICA_SEARCH_INDEX=now: a build indexes before it goes live (search never a publish behind).
    searchIndexLater: env.TABLICA_SEARCH_INDEX !== 'now',
    onSwitched: (previous: string | undefined, directory: string) => {
      void keepNginx?.(previous, directory);
      if (hubs.length === 0) return;
      const feeds = changedFeeds(previous, directory).map((feed) => absoluteUrl(baseUrl, feed));
      if (feeds.length > 0) void pingHubs(hubs, feeds, logLine);
    },
  });
  // Before listening: a second publisher on the same builds stops here, having changed nothing
  // (with a lease it waits instead, serving the live build, until the first one is gone).
  if (!lease) publisher.target.lock();
  const activate = async () => {
    if (lease && !(await lease.acquire())) return;
    publisher.start();
  };
  if (lease) {
    lease.onLost = () => {
      void publisher.stop().then(() => onLeaseLost?.());
    };
  }
  // Until the first build finishes there is nothing to serve: the server then answers 503.
  const site = await listen(
    createSiteHandler(
      () => publisher.target.liveDirectory(),
      logLine,
      subscriptions ? { prefix: SUBSCRIPTION_API, handle: subscriptions.handle } : undefined,
    ),
    { host, port: sitePort },
  );
  const preview = createPreviewHandler({
    strapiUrl: publisher.options.strapiUrl,
    buildEnv: publisher.options.buildEnv ?? {},
    log: logLine,
  });
  const control = await listen(createControlHandler(publisher, secret, logLine, preview), {
    host: env.PUBLISHER_HOST ?? '127.0.0.1',
    port: publisherPort,
  });
  // Under `npm start` the CMS boots beside it: serve what is live now, build once the CMS answers.
  subscriptions?.start();
  if (autoStart && env.TABLICA_WAIT_FOR_CMS) void waitFor(`${publisher.options.strapiUrl}/_health`).then(activate);
  else if (autoStart) void activate();
  return {
    publisher,
    subscriptions,
    site,
    control,
    begin: () => void activate(),
    stop: async () => {
      await publisher.stop();
      await lease?.release();
      await Promise.all([site.close(), control.close()]);
      await subscriptions?.stop();
    },
  };
}

if (import.meta.main) {
  // Cut off from the lease, it stops; its supervisor (npm start, systemd) starts it again as a standby.
  const running = await startPublisher(process.env, { onLeaseLost: () => process.exit(1) });
  console.log(`[publisher] site ${running.site.url}/  status ${running.control.url}/status`);
  const stop = async () => {
    await running.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
