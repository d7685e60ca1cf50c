import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { previewKey, signPreviewToken } from '@tablica/shared/preview-token';
import { parseHTML } from 'linkedom';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { bootStrapi, type RunningStrapi } from '../../cms/test/helpers/boot-strapi.mts';
import { startPublisher } from '../../site/publisher/main.ts';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { type SwitchableProxy, startSwitchableProxy } from '../support/switchable-proxy.ts';
import { eventually, institutionId } from './support.ts';

/**
 * "Podgląd": the draft of a notice, rendered by the site's own views, as the admin panel's
 * preview opens it — the URL from Strapi's preview endpoint, the page from the publisher's
 * private address. Behind a ten-minute signed token, never cached, not indexed, framable only
 * by the admin panel, and never on the public site.
 */
const EDITOR = { email: 'redakcja@example.org', password: 'Redakcja-test-2026!' };
const TITLE = 'Szkic: zamknięcie Punktu Konsultacyjnego na czas remontu';
const UK_TITLE = 'Чернетка: закриття консультаційного пункту на час ремонту';

describe('a draft preview', () => {
  let cms: RunningStrapi;
  let proxy: SwitchableProxy;
  let running: Awaited<ReturnType<typeof startPublisher>>;
  let adminToken = '';
  let documentId = '';
  let browser: Browser | undefined;

  const admin = async <T>(urlPath: string, method = 'GET', body?: unknown) => {
    const response = await fetch(`${cms.url}${urlPath}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  /** What the edit view's "Podgląd" opens, in a language. */
  const previewUrl = async (locale: string) =>
    (
      await admin<{ data: { url: string } }>(
        `/content-manager/preview/url/api::notice.notice?documentId=${documentId}&locale=${locale}&status=draft`,
      )
    ).body.data.url;

  beforeAll(async () => {
    proxy = await startSwitchableProxy();
    running = await startPublisher(
      {
        ...process.env,
        SITE_REBUILD_SECRET: 'test-webhook-secret-0123456789',
        SITE_PORT: '0',
        PUBLISHER_PORT: '0',
        TABLICA_DEPLOY_DIR: mkdtempSync(path.join(tmpdir(), 'tablica-deploys-')),
        TABLICA_POLL_SECONDS: '3600',
        TABLICA_BASE_URL: 'https://tablica.example.org',
        STRAPI_URL: proxy.url,
      },
      { autoStart: false, log: () => {} },
    );
    cms = await bootStrapi({
      seedDemo: true,
      serveAdminPanel: hasChromium,
      env: { ADMIN_EMAIL: EDITOR.email, ADMIN_PASSWORD: EDITOR.password, SITE_PREVIEW_URL: running.control.url },
    });
    proxy.target = new URL(cms.url);
    const login = await fetch(`${cms.url}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(EDITOR),
    });
    adminToken = ((await login.json()) as { data: { token: string } }).data.token;
    const notices = cms.strapi.documents('api::notice.notice');
    const created = await notices.create({
      locale: 'pl',
      data: {
        slug: 'szkic-zamkniecie-punktu-konsultacyjnego',
        title: TITLE,
        summary: 'Punkt jest zamknięty do odwołania. Porady udzielamy telefonicznie.',
        institution: await institutionId(cms.strapi, 'mops-czestochowa'),
        category: 'closure',
        severity: 'urgent',
        effectiveFrom: '2026-01-01T00:00:00+01:00',
      } as never,
    });
    documentId = created.documentId;
    await notices.update({
      documentId,
      locale: 'uk',
      data: { title: UK_TITLE, summary: 'Пункт зачинено до скасування.' } as never,
    });
    // The public site is built, without the draft.
    running.publisher.start();
    await eventually(async () => {
      if (running.publisher.status().lastBuild?.result !== 'live') throw new Error('not built yet');
    });
  });

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
    await cms?.stop();
    await proxy?.close();
  });

  test('the admin gets a preview address on the publisher, not on the public site', async () => {
    const url = await previewUrl('pl');
    expect(url.startsWith(`${running.control.url}/podglad/`)).toBe(true);
    expect(url.startsWith(running.site.url)).toBe(false);
  });

  test('shows the draft in the site’s own page, marked as a draft, never cached or indexed, framable by the admin only', async () => {
    const response = await fetch(await previewUrl('pl'));
    expect(response.status).toBe(200);
    expect(response.url).toMatch(/\/podglad\/[^/]+\/komunikaty\/szkic-zamkniecie-punktu-konsultacyjnego\/$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('content-security-policy')).toContain(`frame-ancestors ${new URL(cms.url).origin}`);
    const { document } = parseHTML(await response.text());
    expect(document.querySelector('h1')?.textContent?.trim()).toBe(TITLE);
    expect(document.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex, nofollow');
    expect(document.querySelector('.preview-banner')?.textContent?.trim()).toMatch(/^Podgląd wersji roboczej/);
    // The site's own stylesheet, served with the preview.
    const stylesheet = document.querySelector('link[rel="stylesheet"]')?.getAttribute('href') ?? '';
    expect(stylesheet).toMatch(/^\/podglad\/[^/]+\/_astro\//);
    expect((await fetch(`${running.control.url}${stylesheet}`)).status).toBe(200);
  });

  test('in each language: the Ukrainian draft in the Ukrainian page', async () => {
    const response = await fetch(await previewUrl('uk'));
    const { document } = parseHTML(await response.text());
    expect(document.querySelector('h1')?.textContent?.trim()).toBe(UK_TITLE);
    expect(document.documentElement.getAttribute('lang')).toBe('uk');
  });

  test('before publishing, the editor sees the radio, SMS and banner forms with their counts, and what to fix when one is over its limit', async () => {
    const formsIn = async () => {
      const { document } = parseHTML(await (await fetch(await previewUrl('pl'))).text());
      const section = document.querySelector('.preview-forms');
      const form = (key: string) => section?.querySelector(`[data-form="${key}"]`);
      return { document, section, form };
    };
    // No headline: the banner cuts the title, and the editor is told to write one.
    const before = await formsIn();
    expect(before.section?.querySelector('h2')?.textContent).toBe('Teksty dla mediów — widzi tylko redakcja');
    expect(before.form('radio30')?.querySelector('.media-count')?.textContent).toMatch(/Czyta się ok\. \d+ s/);
    expect(before.form('radio30')?.querySelector('pre')?.textContent).toMatch(
      /^Miejski Ośrodek Pomocy Społecznej w Częstochowie informuje\./,
    );
    expect(before.form('sms1')?.querySelector('.media-count')?.textContent?.trim()).toMatch(
      /^\d+ znaków, 1 wiadomość SMS \(GSM-7\)\.$/,
    );
    expect(before.form('sms')?.querySelector('.media-count')?.textContent).toMatch(/wiadomości SMS \(UCS-2\)/);
    expect(before.form('banner')?.querySelector('.advice')?.textContent?.trim()).toBe(
      'Wpisz „Hasło na pasek” (do 30 znaków): bez niego baner obcina tytuł.',
    );
    expect(before.document.querySelector('.preview-over-limit')?.textContent).toContain('Przekroczony limit (1)');
    // An exercise's banner leads with "ĆWICZENIA: ": a headline that fits alone may not fit with it. It is flagged, never cut.
    const notices = cms.strapi.documents('api::notice.notice');
    await notices.update({
      documentId,
      locale: 'pl',
      data: { headline: 'Punkt konsultacyjny zamknięty', messageStatus: 'exercise' } as never,
    });
    const exercise = await formsIn();
    expect(exercise.form('banner')?.querySelector('pre')?.textContent).toBe('ĆWICZENIA: Punkt konsultacyjny zamknięty');
    expect(exercise.form('banner')?.querySelector('.media-count')?.textContent?.trim()).toMatch(/^40 z 30 znaków\./);
    expect(exercise.form('banner')?.querySelector('.advice')?.textContent?.trim()).toBe(
      'Skróć „Hasło na pasek” do 30 znaków.',
    );
    expect(exercise.form('radio30')?.querySelector('pre')?.textContent).toMatch(/^ĆWICZENIA\. To są ćwiczenia/);
    await notices.update({ documentId, locale: 'pl', data: { messageStatus: 'actual' } as never });
    await notices.update({ documentId, locale: 'pl', data: { headline: 'MOPS: punkt zamknięty' } as never });
    const fixed = await formsIn();
    expect(fixed.section?.querySelector('#preview-forms-summary')?.textContent?.trim()).toBe(
      'Wszystkie formy mieszczą się w swoich limitach.',
    );
    expect(fixed.document.querySelector('.preview-over-limit')).toBe(null);
    expect(fixed.form('banner')?.querySelector('pre')?.textContent).toBe('MOPS: punkt zamknięty');
    await notices.update({ documentId, locale: 'pl', data: { headline: null } as never });
  });

  test('never on the public site, and nothing for a forged or expired token', async () => {
    const url = new URL(await previewUrl('pl'));
    expect((await fetch(`${running.site.url}${url.pathname}`)).status).toBe(404);
    const live = await fetch(`${running.site.url}/komunikaty/szkic-zamkniecie-punktu-konsultacyjnego/`);
    expect(live.status).toBe(404);

    const token = url.pathname.split('/')[2] ?? '';
    const forged = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    const key = previewKey(cms.strapi.config.get<string>('admin.auth.secret'));
    const expired = signPreviewToken(key, { documentId, locale: 'pl' }, Date.now() - 11 * 60_000);
    for (const bad of [forged, expired]) {
      expect((await fetch(`${cms.url}/api/tablica/preview/${bad}`)).status).toBe(404);
      expect((await fetch(`${running.control.url}/podglad/${bad}/`)).status).toBe(404);
    }
    // The CMS answers a genuine token with that one draft, never cached.
    const answer = await fetch(`${cms.url}/api/tablica/preview/${token}`);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const body = (await answer.json()) as { snapshot: { notices: { slug: string }[] } };
    expect(new Set(body.snapshot.notices.map((notice) => notice.slug))).toEqual(
      new Set(['szkic-zamkniecie-punktu-konsultacyjnego']),
    );
  });

  describe.skipIf(!hasChromium)('in the admin panel (Chromium)', () => {
    test('the editor clicks "Otwórz podgląd" and reads the draft as the site will show it', async () => {
      browser = await launchChromium();
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'pl-PL' });
      await page.goto(`${cms.url}/admin`);
      await page.locator('input[name="email"]').fill(EDITOR.email);
      await page.locator('input[name="password"]').fill(EDITOR.password);
      await page.locator('button[type="submit"]').click();
      await page.waitForURL((url) => !url.pathname.includes('/auth/'));
      await page.goto(
        `${cms.url}/admin/content-manager/collection-types/api::notice.notice/${documentId}?plugins[i18n][locale]=pl`,
      );
      await page
        .getByRole('link', { name: 'Otwórz podgląd' })
        .or(page.getByRole('button', { name: 'Otwórz podgląd' }))
        .click();
      const frame = page.frameLocator('iframe');
      await expect.poll(() => frame.locator('h1').textContent(), { timeout: 30_000 }).toBe(TITLE);
      expect(await frame.locator('.preview-banner').textContent()).toMatch(/Podgląd wersji roboczej/);
    });
  });
});
