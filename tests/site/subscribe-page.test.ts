import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSiteHandler, listen, type StaticServer } from '../../site/publisher/static-server.ts';
import { Subscriptions } from '../../site/publisher/subscriptions/service.ts';
import { routes } from '../../site/src/lib/routes.ts';
import { SUBSCRIPTION_API } from '../../site/src/lib/subscription-paths.ts';
import { demoReport, TEST_VAPID } from '../publish/subscription-support.ts';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { type MailCatcher, startMailCatcher } from '../support/mail-catcher.ts';
import { buildSite } from '../support/site-build.ts';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * The sign-up page as a resident uses it on a phone: the site built with subscriptions on, served
 * with the publisher's endpoints, the form filled in Chromium, the proof of work solved by the
 * browser itself (the real difficulty), and the confirmation read from a real SMTP server.
 */
describe.skipIf(!hasChromium)('the e-mail sign-up page in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;
  let mail: MailCatcher;
  let subscriptions: Subscriptions;
  let outDir = '';
  const scratch = mkdtempSync(path.join(tmpdir(), 'tablica-subscribe-page-'));

  beforeAll(async () => {
    const build = await buildSite({ env: { TABLICA_SUBSCRIPTIONS: '1' } });
    expect(build.ok, build.output).toBe(true);
    outDir = build.outDir;
    mail = await startMailCatcher();
    subscriptions = await Subscriptions.open({
      database: path.join(scratch, 'subscriptions.db'),
      smtpUrl: mail.url,
      from: '"Tablica" <powiadomienia@tablica.example.org>',
      secret: 'a-test-secret-for-links-0123456789',
      baseUrl: 'https://tablica.example.org',
      log: () => {},
      vapid: TEST_VAPID,
    });
    await subscriptions.liveBuild(demoReport());
    subscriptions.start();
    server = await listen(
      createSiteHandler(
        () => outDir,
        () => {},
        { prefix: SUBSCRIPTION_API, handle: subscriptions.handle },
      ),
    );
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await subscriptions?.stop();
    await mail?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  /** A 375 px phone; any console error or CSP violation fails the test. */
  async function phone(urlPath: string): Promise<{ page: Page; problems: string[] }> {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'pl-PL' });
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective}`);
      });
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${server.url}${urlPath}`);
    return { page, problems };
  }

  test('from an institution’s page: that institution is chosen; the browser solves the check; the answer is said in the page; the confirmation mail arrives', async () => {
    const { page, problems } = await phone('/instytucje/pwik-brzozow/');
    await page.getByRole('link', { name: 'Powiadomienia e-mail o komunikatach tej instytucji' }).click();
    await page.waitForURL(/\/powiadomienia\/\?topic=/);
    expect(await page.getByLabel('Przedsiębiorstwo Wodociągów i Kanalizacji w Brzozowie Śląskim').isChecked()).toBe(
      true,
    );
    expect(await page.getByLabel('Wszystkie komunikaty').isChecked()).toBe(false);
    await page.getByLabel('Adres e-mail').fill('telefon@example.org');
    await page.getByRole('button', { name: 'Zapisz mnie' }).click();
    const status = page.locator('[data-subscribe-status]');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toContain('Dziękujemy.');
    await expect.poll(() => mail.to('telefon@example.org').length, { timeout: 15_000 }).toBe(1);
    expect(mail.to('telefon@example.org')[0]?.parsed.text).toContain(
      'Przedsiębiorstwo Wodociągów i Kanalizacji w Brzozowie Śląskim',
    );
    // Nothing horizontal to scroll on the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test('an address the server refuses is named in the page, in the page’s language', async () => {
    const { page, problems } = await phone(routes.subscribe('uk'));
    await page.getByLabel('Адреса електронної пошти').fill('jan@localhost');
    await page.getByRole('button', { name: 'Підписатися' }).click();
    await expect
      .poll(() => page.locator('[data-subscribe-status]').textContent(), { timeout: 30_000 })
      .toContain('Адреса електронної пошти: введіть одну адресу у вигляді name@example.org.');
    // Chromium logs the refusal's 400 itself; nothing else may be logged.
    expect(problems.filter((problem) => !problem.includes('status of 400'))).toEqual([]);
    await page.context().close();
  });

  test('Web Push in Chromium: the button asks permission, registers the site’s service worker and asks the browser’s own push service (unreachable here: the page says so); a push delivered to the worker is shown and opens the notice', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'pl-PL' });
    await context.grantPermissions(['notifications'], { origin: server.url });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${server.url}${routes.subscribe('pl')}`);
    await page.getByText('Na iPhonie i iPadzie (iOS 16.4 lub nowszy)').waitFor();
    await page.getByRole('button', { name: 'Włącz powiadomienia w tej przeglądarce' }).click();
    // This machine has no way to the browser vendor's push service: the reader is told plainly.
    await expect
      .poll(() => page.locator('[data-push-status]').textContent(), { timeout: 30_000 })
      .toContain('Ta przeglądarka nie połączyła się ze swoją usługą powiadomień.');
    const worker = await page.evaluate(
      async () => (await navigator.serviceWorker.getRegistration('/'))?.active?.scriptURL ?? '',
    );
    expect(worker).toBe(`${server.url}/push-worker.js`);

    // What the push service would hand the browser, delivered through the DevTools protocol.
    const cdp = await context.newCDPSession(page);
    const registrations: { registrationId: string; scopeURL: string }[] = [];
    cdp.on('ServiceWorker.workerRegistrationUpdated', (event) => registrations.push(...event.registrations));
    await cdp.send('ServiceWorker.enable');
    await expect.poll(() => registrations.find((entry) => entry.scopeURL === `${server.url}/`)).toBeTruthy();
    const registrationId = registrations.find((entry) => entry.scopeURL === `${server.url}/`)?.registrationId ?? '';
    const deliver = () =>
      cdp.send('ServiceWorker.deliverPushMessage', {
        origin: server.url,
        registrationId,
        data: JSON.stringify({
          title: 'Brak wody na ul. Lipowej',
          body: 'do 25 marca 2026 r. Beczkowóz stoi przy szkole.',
          url: `${server.url}/komunikaty/awaria-wodociagu-ul-lipowa/`,
          lang: 'pl',
          tag: 'awaria-wodociagu-ul-lipowa',
        }),
      });
    const notificationsShown = () =>
      page.evaluate(async () =>
        (await (await navigator.serviceWorker.ready).getNotifications()).map((notification) => ({
          title: notification.title,
          body: notification.body,
          tag: notification.tag,
          url: (notification.data as { url?: string } | null)?.url,
        })),
      );
    // DevTools hands the message over without an answer, and once in CI, on a loaded machine, none
    // was shown in 10 s (1–3 s otherwise). Delivered again after 5 s, as a push service retries;
    // the notice's tag keeps one notification on screen however many arrive.
    let shown: Awaited<ReturnType<typeof notificationsShown>> = [];
    for (let attempt = 0; attempt < 4 && shown.length === 0; attempt += 1) {
      await deliver();
      const until = Date.now() + 5_000;
      while (shown.length === 0 && Date.now() < until) {
        shown = await notificationsShown();
        if (shown.length === 0) await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    expect(shown).toEqual([
      {
        title: 'Brak wody na ul. Lipowej',
        body: 'do 25 marca 2026 r. Beczkowóz stoi przy szkole.',
        tag: 'awaria-wodociagu-ul-lipowa',
        url: `${server.url}/komunikaty/awaria-wodociagu-ul-lipowa/`,
      },
    ]);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('axe (WCAG 2.1 AA) finds nothing on the sign-up page in each language, and none on the pages the links in mails open', async () => {
    const failures: string[] = [];
    for (const urlPath of [routes.subscribe('pl'), routes.subscribe('en'), routes.subscribe('uk')]) {
      const { page } = await phone(urlPath);
      const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
      failures.push(...violations.map((violation) => `${urlPath}: ${violation.id} ${violation.help}`));
      await page.context().close();
    }
    // The confirmation page of a real sign-up.
    await subscriptions.store.addPending(
      { address: 'axe@example.org', topics: ['all'], language: 'en', frequency: 'immediate' },
      Date.now(),
    );
    subscriptions.deliverer.poke();
    await expect.poll(() => mail.to('axe@example.org').length, { timeout: 15_000 }).toBe(1);
    const link = /https:\/\/tablica\.example\.org(\S+)/.exec(mail.to('axe@example.org')[0]?.parsed.text ?? '')?.[1];
    const { page } = await phone(link ?? '/');
    const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
    failures.push(...violations.map((violation) => `confirm page: ${violation.id} ${violation.help}`));
    await page.context().close();
    expect(failures).toEqual([]);
  });
});
