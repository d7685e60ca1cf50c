import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { DEFAULT_LOCALE, DEFAULT_TIME_ZONE, type Locale } from '@tablica/shared';
import { absoluteUrl, routes } from '../../src/lib/routes.ts';
import { subscriptionPaths } from '../../src/lib/subscription-paths.ts';
import { createBotCheck } from './bot-check.ts';
import { Deliverer } from './deliverer.ts';
import { createSubscriptionHandler } from './http.ts';
import { signLink } from './links.ts';
import { type LiveReport, liveVersions } from './live-versions.ts';
import { createMailer, type SendMail } from './mailer.ts';
import { openSubscriptionStore } from './open-store.ts';
import { topicName } from './pages.ts';
import { pushPayload, sendPush, type VapidKeys, vapidKeys } from './push.ts';
import { RateLimit } from './rate-limit.ts';
import { dueAtFor } from './schedule.ts';
import type { SubscriptionCounts, SubscriptionStore } from './store.ts';

export interface SubscriptionsConfig {
  /** Where subscribers and the outbox are kept: a SQLite file, or a postgres:// URL (open-store.ts). */
  database: string;
  smtpUrl: string;
  from: string;
  /** Signs the links in mails and the bot-check challenges; must stay the same across restarts. */
  secret: string;
  /** The public site, which links in mails point to. */
  baseUrl: string;
  /** The live build's report, read at start for the topics the form may offer. */
  lastReportFile?: string;
  log: (message: string) => void;
  /** Tests may make the bot check cheaper; the signed challenge still says what was asked. */
  botCheckPrefix?: string;
  /** Behind a reverse proxy: the header that carries the client's address (e.g. x-forwarded-for). */
  clientHeader?: string;
  /** Limits (defaults: 10 sign-ups per client and 3 per address an hour, 1,000 an hour in all). */
  limits?: { perClientPerHour?: number; perAddressPerHour?: number; overallPerHour?: number };
  /** The outbox's clock (tests move it past a retry pause or to the digest hour). */
  now?: () => number;
  /** Web Push keys (push.ts: the operator's, or made once in the state directory). */
  vapid: VapidKeys;
  /** Push endpoints on private networks or over plain http (tests, an operator's own push service). */
  pushAllowPrivate?: boolean;
}

/** An unconfirmed sign-up is kept this long, then forgotten with its address. */
export const CONFIRM_HOURS = 48;
const HOUR = 3_600_000;

/**
 * E-mail subscriptions, run by the publisher: the sign-up endpoints on the public site, the
 * subscriber store, and the outbox worker. The publisher tells it each build that went live; the
 * versions in it that nobody heard of yet are queued for their subscribers.
 */
export class Subscriptions {
  readonly store: SubscriptionStore;
  readonly deliverer: Deliverer;
  readonly handle: (request: http.IncomingMessage, response: http.ServerResponse) => Promise<void>;
  readonly #config: SubscriptionsConfig;
  readonly #mailer: { send: SendMail; close: () => void };
  #report: LiveReport = {};
  #retention: NodeJS.Timeout | undefined;

  /** Opens the store the configuration names (and creates its tables on first use). */
  static async open(config: SubscriptionsConfig): Promise<Subscriptions> {
    return new Subscriptions(config, await openSubscriptionStore(config.database, { log: config.log }));
  }

  constructor(config: SubscriptionsConfig, store: SubscriptionStore) {
    this.#config = config;
    this.store = store;
    this.#mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.from });
    if (config.lastReportFile && existsSync(config.lastReportFile)) {
      try {
        this.#report = JSON.parse(readFileSync(config.lastReportFile, 'utf8')) as LiveReport;
      } catch {
        // No usable report yet: the first build that goes live brings the topics.
      }
    }
    const siteHost = new URL(config.baseUrl).hostname;
    const url = (pathname: string, token: string, language: Locale) =>
      absoluteUrl(config.baseUrl, `${pathname}?t=${encodeURIComponent(token)}&lang=${language}`);
    this.deliverer = new Deliverer({
      store: this.store,
      send: this.#mailer.send,
      linksFor: (subscriber) => {
        const language = (subscriber.language ?? DEFAULT_LOCALE) as Locale;
        const token = signLink(config.secret, 'manage', subscriber.id);
        return {
          unsubscribe: url(subscriptionPaths.unsubscribe, token, language),
          manage: url(subscriptionPaths.manage, token, language),
        };
      },
      confirmUrl: (pendingId, language) =>
        url(subscriptionPaths.confirm, signLink(config.secret, 'confirm', pendingId), language),
      describeSignUp: async (pendingId, language) => ({
        siteName: this.#siteName,
        topics: (await this.store.pendingTopics(pendingId)).map((topic) =>
          topicName(topic, language, this.#institutions),
        ),
      }),
      confirmHours: CONFIRM_HOURS,
      siteHost,
      log: config.log,
      ...(config.now ? { now: config.now } : {}),
      push: (subscriber, message) =>
        sendPush(subscriber, pushPayload(message, subscriber.language), {
          vapid: config.vapid,
          allowPrivate: config.pushAllowPrivate ?? false,
        }),
    });
    const limits = config.limits ?? {};
    this.handle = createSubscriptionHandler({
      store: this.store,
      botCheck: createBotCheck(config.secret, config.botCheckPrefix),
      secret: config.secret,
      site: () => ({
        institutions: this.#institutions,
        siteName: this.#siteName,
        homeUrl: (language) => absoluteUrl(config.baseUrl, routes.home(language)),
      }),
      limits: {
        perClient: new RateLimit(limits.perClientPerHour ?? 10, HOUR),
        perAddress: { count: limits.perAddressPerHour ?? 3, windowMs: HOUR },
        overall: new RateLimit(limits.overallPerHour ?? 1_000, HOUR),
      },
      confirmMaxAgeMs: CONFIRM_HOURS * HOUR,
      onQueued: () => this.deliverer.poke(),
      push: { publicKey: config.vapid.publicKey, allowPrivate: config.pushAllowPrivate ?? false },
      clientOf: (request) => {
        // The address the nearest proxy wrote: X-Real-IP's only one, X-Forwarded-For's last. The
        // first in X-Forwarded-For is whatever the client sent, and a flood that wrote another one
        // each time passed the per-client limit.
        const forwarded = config.clientHeader ? request.headers[config.clientHeader] : undefined;
        const nearest = (Array.isArray(forwarded) ? forwarded.at(-1) : forwarded)?.split(',').at(-1)?.trim();
        return nearest || request.socket.remoteAddress || 'unknown';
      },
    });
  }

  start(): void {
    this.deliverer.start();
    const forget = async () => {
      try {
        const forgotten = await this.store.forgetUnconfirmed(Date.now(), CONFIRM_HOURS * HOUR);
        if (forgotten > 0) this.#config.log(`subscriptions: ${forgotten} unconfirmed sign-up(s) forgotten`);
      } catch (error) {
        this.#config.log(`subscriptions: unconfirmed sign-ups could not be forgotten now: ${(error as Error).message}`);
      }
    };
    void forget();
    this.#retention = setInterval(forget, HOUR);
    this.#retention.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.#retention);
    await this.deliverer.stop();
    this.#mailer.close();
    await this.store.close();
  }

  /**
   * A build went live with this report: every link in it works now. Versions new to the store are
   * queued (the very first build is the baseline and queues nothing), and the worker starts.
   * When the store cannot be written, nothing is recorded and the next live build tries again
   * (its versions are then still new); publishing never waits for, or fails by, subscriptions.
   */
  async liveBuild(report: LiveReport, now = new Date()): Promise<number> {
    this.#report = report;
    const timeZone = (report.notices?.[0] as { timeZone?: string } | undefined)?.timeZone ?? DEFAULT_TIME_ZONE;
    try {
      // Residents never get a rehearsal: it is for the editors and newsrooms who take part in it.
      const real = liveVersions(report, this.#config.baseUrl, now).filter(({ message }) => message.status === 'actual');
      const queued = await this.store.recordVersions(real, now.getTime(), (subscriber) =>
        dueAtFor(subscriber.frequency, now, timeZone),
      );
      if (queued > 0) this.#config.log(`subscriptions: ${queued} delivery(ies) queued`);
      this.deliverer.poke();
      return queued;
    } catch (error) {
      this.#config.log(
        `subscriptions: the live build's notices could not be recorded (${(error as Error).message}); the next live build tries again`,
      );
      return 0;
    }
  }

  status(): Promise<SubscriptionCounts> {
    return this.store.counts();
  }

  get #institutions(): ReadonlyMap<string, string> {
    return new Map(
      (this.#report.institutions ?? [])
        .filter((entry): entry is { slug: string; name: string } => typeof entry.slug === 'string')
        .map((entry) => [entry.slug, entry.name ?? entry.slug]),
    );
  }

  get #siteName(): string {
    return this.#report.siteSettings?.siteName ?? 'Tablica';
  }
}

/**
 * Subscriptions as the environment configures them, or undefined when no SMTP server is set
 * (then the site has no sign-up and the publisher sends nothing):
 *
 *   SMTP_URL                      e.g. smtp://127.0.0.1:1025 (npm start runs a local catcher there)
 *   MAIL_FROM                     "Tablica" <powiadomienia@example.org>
 *   TABLICA_SUBSCRIPTIONS_SECRET  signs links; generated once into the state directory if unset
 *   TABLICA_SUBSCRIPTIONS_DB      the SQLite file (default <deploy dir>/subscriptions/subscriptions.db),
 *                                 or postgres://… to share subscribers and the outbox between machines
 *   TABLICA_CLIENT_IP_HEADER      behind a reverse proxy, the header with the client's address
 *   TABLICA_VAPID_PUBLIC_KEY, TABLICA_VAPID_PRIVATE_KEY  Web Push keys (made once if unset);
 *   TABLICA_VAPID_SUBJECT (default mailto: MAIL_FROM's address); TABLICA_PUSH_ALLOW_PRIVATE=true
 */
export function subscriptionsFromEnv(
  env: NodeJS.ProcessEnv,
  { baseUrl, stateDirectory, log }: { baseUrl: string; stateDirectory: string; log: (message: string) => void },
): SubscriptionsConfig | undefined {
  if (!env.SMTP_URL) return undefined;
  const directory = path.join(stateDirectory, 'subscriptions');
  mkdirSync(directory, { recursive: true });
  const from = env.MAIL_FROM || `"Tablica" <powiadomienia@${new URL(baseUrl).hostname}>`;
  return {
    vapid: vapidKeys(
      path.join(directory, 'vapid.json'),
      env,
      env.TABLICA_VAPID_SUBJECT || `mailto:${/<([^>]+)>/.exec(from)?.[1] ?? from}`,
    ),
    pushAllowPrivate: env.TABLICA_PUSH_ALLOW_PRIVATE === 'true',
    database: subscriptionsDatabase(env, stateDirectory),
    smtpUrl: env.SMTP_URL,
    from,
    secret: env.TABLICA_SUBSCRIPTIONS_SECRET || localSecret(path.join(directory, 'secret')),
    baseUrl,
    lastReportFile: path.join(stateDirectory, 'last-good-notices.json'),
    log,
    ...(env.TABLICA_CLIENT_IP_HEADER ? { clientHeader: env.TABLICA_CLIENT_IP_HEADER.toLowerCase() } : {}),
  };
}

/**
 * Where the subscribers are kept (a SQLite file, or a postgres:// URL for publishers on several
 * machines): the publisher and the operator's command must agree.
 */
export function subscriptionsDatabase(env: NodeJS.ProcessEnv, stateDirectory: string): string {
  return env.TABLICA_SUBSCRIPTIONS_DB || path.join(stateDirectory, 'subscriptions', 'subscriptions.db');
}

/** A secret made on this machine on first use and kept (readable by its owner only). */
function localSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
  return secret;
}
