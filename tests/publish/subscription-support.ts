import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadSnapshot } from '@tablica/shared';
import demo from '@tablica/shared/fixtures/demo.json' with { type: 'json' };
import { type Challenge, solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import webpush from 'web-push';
import { createSiteHandler, listen } from '../../site/publisher/static-server.ts';
import type { LiveReport } from '../../site/publisher/subscriptions/live-versions.ts';
import { Subscriptions, type SubscriptionsConfig } from '../../site/publisher/subscriptions/service.ts';
import { SUBSCRIPTION_API, subscriptionPaths } from '../../site/src/lib/subscription-paths.ts';
import { startMailCatcher } from '../support/mail-catcher.ts';

export const BASE_URL = 'https://tablica.example.org';
/** VAPID keys made for this test run, as the publisher makes its own. */
export const TEST_VAPID = { ...webpush.generateVAPIDKeys(), subject: 'mailto:powiadomienia@tablica.example.org' };
export interface Report extends LiveReport {
  notices: Record<string, unknown>[];
}

/** The demo content as a live build reports it (dates relative to `now`, as JSON). */
export function demoReport(now = new Date()): Report {
  const { siteSettings, institutions, notices } = loadSnapshot(demo, { now });
  return JSON.parse(JSON.stringify({ siteSettings, institutions, notices })) as Report;
}

/** The report with one more notice: a copy of a demo notice of `institution`, changed by `fields`. */
export function withNotice(report: Report, fields: Record<string, unknown>, institution = 'pwik-brzozow'): Report {
  const model = report.notices.find((notice) => notice.institution === institution && notice.locale === 'pl');
  if (!model) throw new Error(`no demo notice of ${institution}`);
  const notice = {
    ...model,
    supersedes: undefined,
    updates: [],
    publications: [],
    revision: 1,
    liftedAt: undefined,
    ...fields,
  };
  return { ...report, notices: [...report.notices.filter((other) => !sameKey(other, notice)), notice] };
}

const sameKey = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  a.slug === b.slug && (a.locale ?? 'pl') === (b.locale ?? 'pl');

/**
 * Subscriptions as the publisher runs them — store, outbox worker and the endpoints on a real
 * HTTP server — sending to a real SMTP server on loopback. The clock of the outbox can be moved.
 */
export async function startSubscriptions(config: Partial<SubscriptionsConfig> = {}, report = demoReport()) {
  const mail = await startMailCatcher();
  const directory = mkdtempSync(path.join(tmpdir(), 'tablica-subscriptions-'));
  const log: string[] = [];
  let offset = 0;
  const subscriptions = await Subscriptions.open({
    database: path.join(directory, 'subscriptions.db'),
    smtpUrl: mail.url,
    from: '"Tablica Brzozów" <powiadomienia@tablica.example.org>',
    secret: 'a-test-secret-for-links-0123456789',
    baseUrl: BASE_URL,
    log: (message) => log.push(message),
    // A cheaper proof of work keeps the tests quick; the rule it is held to is the same.
    botCheckPrefix: '00',
    clientHeader: 'x-forwarded-for',
    now: () => Date.now() + offset,
    vapid: TEST_VAPID,
    // The push service of these tests is on loopback, over plain http.
    pushAllowPrivate: true,
    ...config,
  });
  await subscriptions.liveBuild(report);
  subscriptions.start();
  const server = await listen(
    createSiteHandler(
      () => undefined,
      (message) => log.push(message),
      { prefix: SUBSCRIPTION_API, handle: subscriptions.handle },
    ),
  );
  return {
    subscriptions,
    mail,
    server,
    log,
    directory,
    /** Moves the outbox's clock forward (a retry pause, the digest hour). */
    advance: (ms: number) => {
      offset += ms;
      subscriptions.deliverer.poke();
    },
    get offset() {
      return offset;
    },
    stop: async () => {
      await server.close();
      await subscriptions.stop();
      await mail.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

export type RunningSubscriptions = Awaited<ReturnType<typeof startSubscriptions>>;

/** Solves the site's proof-of-work challenge as the sign-up page's script does. */
export async function solvedBotCheck(siteUrl: string): Promise<string> {
  const challenge = (await (await fetch(`${siteUrl}${subscriptionPaths.challenge}`)).json()) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

/** Submits the sign-up form as its script does (JSON), solving the bot check first. */
export async function signUp(
  siteUrl: string,
  fields: { email: string; topic?: string[]; language?: string; frequency?: string },
  { client = '198.51.100.7', altcha }: { client?: string; altcha?: string } = {},
) {
  const response = await fetch(`${siteUrl}${subscriptionPaths.signUp}?lang=${fields.language ?? 'pl'}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'x-forwarded-for': client },
    body: JSON.stringify({
      topic: ['all'],
      language: 'pl',
      frequency: 'immediate',
      ...fields,
      altcha: altcha ?? (await solvedBotCheck(siteUrl)),
    }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { ok: boolean; message: string; problems: string[] },
  };
}

/** The path and query of the link in a mail's text that goes to `pathname` (the test's server is not the public address). */
export function linkIn(text: string, pathname: string, baseUrl = BASE_URL): string {
  const match = new RegExp(`${baseUrl.replaceAll('.', '\\.')}(${pathname.replaceAll('/', '\\/')}\\?\\S+)`).exec(text);
  if (!match?.[1]) throw new Error(`no ${pathname} link in:\n${text}`);
  return match[1];
}

/** Follows the confirmation link as a person does: opens the page, presses the button. */
export async function confirmFrom(siteUrl: string, mailText: string) {
  const link = linkIn(mailText, subscriptionPaths.confirm);
  const page = await fetch(`${siteUrl}${link}`);
  const pageHtml = await page.text();
  const action = /<form method="post" action="([^"]+)"/.exec(pageHtml)?.[1]?.replaceAll(/&(?:amp|#38);/g, '&');
  if (!action) throw new Error(`no confirm button on the page:\n${pageHtml}`);
  const confirmed = await fetch(`${siteUrl}${action}`, { method: 'POST' });
  return { pageStatus: page.status, pageHtml, status: confirmed.status, html: await confirmed.text() };
}

export async function waitFor<T>(check: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the outbox has nothing in progress and nothing due. */
export async function settled(running: RunningSubscriptions): Promise<void> {
  running.subscriptions.deliverer.poke();
  await new Promise((resolve) => setTimeout(resolve, 50));
  await running.subscriptions.deliverer.idle();
}
