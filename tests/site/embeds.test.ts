import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { isStillNews, noticeStatus } from '@tablica/shared';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { useEmbedHarness } from '../support/embed-harness.ts';
import { fileOf, pageExists, readPage } from '../support/html.ts';
import { demoNow, demoSnapshot } from './demo-content.ts';

const site = inject('demoSite');
const snapshot = demoSnapshot();
const BASE = 'https://tablica.example.org';
const OLD = 'mops-czestochowa-koronawirus-zmiany-2020';
const active = snapshot.notices.filter((n) => n.locale === 'pl' && noticeStatus(n, demoNow()) === 'active');
/** A notice ended in the last days (so still offered for embedding) that exists only in Polish. */
const ended = snapshot.notices.find(
  (n) =>
    n.locale === 'pl' &&
    noticeStatus(n, demoNow()) === 'expired' &&
    isStillNews(n, demoNow()) &&
    !snapshot.notices.some((other) => other.slug === n.slug && other.locale === 'en'),
);

/** The oEmbed answer a consumer finds from a page's discovery link. */
function discoveredOembed(pagePath: string) {
  const link = readPage(site, pagePath).querySelector('link[rel="alternate"][type="application/json+oembed"]');
  const href = link?.getAttribute('href') ?? '';
  expect(href.startsWith(`${BASE}/`), `${pagePath} links its oEmbed`).toBe(true);
  return JSON.parse(readFileSync(fileOf(site, href.slice(BASE.length)), 'utf8'));
}

describe('oEmbed discovery (WordPress itself is in wordpress.test.ts)', () => {
  test.each([
    ['a notice page', () => `/komunikaty/${active[0]?.slug}/`, '/embed/notice/'],
    ['an institution page', () => '/instytucje/pwik-brzozow/', '/embed/pwik-brzozow/'],
    ['the home page', () => '/', '/embed/'],
    ['an English notice page', () => `/en/notices/${OLD}/`, '/en/embed/notice/'],
    ['a Ukrainian institution page', () => '/uk/institutions/pwik-brzozow/', '/uk/embed/pwik-brzozow/'],
  ])('%s names an oEmbed answer of type "rich" framing its own language', (_, path, frame) => {
    const answer = discoveredOembed(path());
    expect(answer).toMatchObject({ version: '1.0', type: 'rich', provider_url: BASE });
    expect(answer.width).toBeGreaterThan(0);
    expect(answer.height).toBeGreaterThan(0);
    const kept = readPage(site, '/').createElement('div');
    kept.innerHTML = answer.html;
    expect(kept.querySelector('iframe')?.getAttribute('src')).toMatch(new RegExp(`^${BASE}${frame}`));
    expect(kept.querySelector('blockquote a')?.getAttribute('href')).toBe(`${BASE}${path()}`);
  });

  test('a notice ended years ago stays embeddable, marked as ended, so old articles keep showing it', () => {
    const page = readPage(site, `/komunikaty/${OLD}/`);
    expect(page.querySelector('link[type="application/json+oembed"]')).not.toBeNull();
    const frame = readPage(site, `/embed/notice/${OLD}/`);
    expect(frame.querySelector('h1')?.textContent).toContain('MOPS');
    expect(frame.querySelector('.ended')?.textContent?.trim()).toMatch(/^Zakończony: od 16 marca do 25 marca 2020 r\./);
    expect(readPage(site, `/en/embed/notice/${OLD}/`).querySelector('.ended')?.textContent?.trim()).toMatch(/^Ended: /);
    expect(pageExists(site, `/widget/notice/${OLD}.json`)).toBe(true);
  });
});

describe.skipIf(!hasChromium)('embeds in Chromium', () => {
  const harness = useEmbedHarness(site);

  test("the single-notice widget shows the reader's language or the original, and an ended notice as ended", async () => {
    const translated = snapshot.notices.find((n) => n.locale === 'en' && noticeStatus(n, demoNow()) === 'active');
    expect(translated && ended, 'the demo has an English translation in force and an ended notice').toBeTruthy();
    const element = (slug: string, lang: string) =>
      `<tablica-notices notice="${slug}" lang="${lang}"><a href="${harness.siteServer.url}/">Komunikat</a></tablica-notices>`;
    const url = harness.host.set(
      '/single.html',
      `<!doctype html><html lang="en"><head><title>News</title><link rel="icon" href="data:,"></head><body><main>
${element(translated?.slug ?? '', 'en')}${element(ended?.slug ?? '', 'en')}
<script src="${harness.siteServer.url}/embed.js" async></script></main></body></html>`,
    );
    const context = await harness.browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    const headings = page.locator('tablica-notices').locator('h2');
    await expect.poll(() => headings.count()).toBe(2);
    expect(await headings.nth(0).textContent()).toContain(translated?.title);
    // No English version of the ended notice: the Polish original, marked ended in English.
    expect(await headings.nth(1).textContent()).toBe(`Ended: ${ended?.title}`);
    await context.close();
  });

  test('the embed builder: choices change the code and the live preview, the code copies, and pasted elsewhere it works', async () => {
    const context = await harness.browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harness.siteServer.url });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    await page.goto(`${harness.siteServer.url}/osadz/?institution=pwik-brzozow`);
    const code = page.getByRole('textbox', { name: 'Kod do wklejenia' });
    await expect.poll(() => code.inputValue()).toContain('institution="pwik-brzozow"');

    await page.getByLabel('Liczba komunikatów (1–10)').fill('2');
    await page.getByLabel('Język', { exact: true }).selectOption('en');
    await page.getByLabel('Ciemne').check();
    const snippet = await code.inputValue();
    expect(snippet).toMatch(
      /^<tablica-notices institution="pwik-brzozow" limit="2" lang="en" theme="dark" style="display:block;min-height:[\d.]+em"><a href="https:\/\/tablica\.example\.org\/en\/institutions\/pwik-brzozow\/">/,
    );
    expect(snippet).toContain('<script src="https://tablica.example.org/embed.js" async></script>');
    const preview = page.locator('[data-preview] tablica-notices');
    expect(await preview.getAttribute('theme')).toBe('dark');
    await expect.poll(() => preview.locator('section').getAttribute('aria-label')).toMatch(/^Notices: /);

    await page.getByRole('button', { name: 'Kopiuj kod' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Skopiowano kod do schowka.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);

    // The banner has no limit; the iframe has no banner.
    await page.getByLabel('Pasek pilnych komunikatów (jedna linia)').check();
    expect(await page.getByLabel('Liczba komunikatów (1–10)').isVisible()).toBe(false);
    expect(await code.inputValue()).toContain('variant="banner"');
    await page.getByLabel('Ramka (iframe)').check();
    expect(await page.getByLabel('Pasek pilnych komunikatów (jedna linia)').isDisabled()).toBe(true);
    // In the language chosen above (English): the frame and the address to paste.
    expect(await code.inputValue()).toMatch(
      /^<iframe src="https:\/\/tablica\.example\.org\/en\/embed\/pwik-brzozow\/"/,
    );
    await page.getByLabel('WordPress: wklejony adres').check();
    expect(await code.inputValue()).toBe('https://tablica.example.org/en/institutions/pwik-brzozow/');

    const { violations } = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(violations.map((violation) => violation.id)).toEqual([]);
    expect(problems).toEqual([]);

    // The copied code, pasted into a radio station's page, shows the notices in English.
    const radio = await context.newPage();
    await radio.goto(
      harness.host.set(
        '/pasted.html',
        `<!doctype html><html lang="en"><head><title>Radio</title></head><body><main>${snippet.replaceAll(BASE, harness.siteServer.url)}</main></body></html>`,
      ),
    );
    await expect
      .poll(() => radio.locator('tablica-notices').locator('section').getAttribute('aria-label'))
      .toMatch(/^Notices: /);
    await context.close();
  });

  test.each([
    ['/osadz/', 375],
    ['/osadz/', 1280],
    ['/en/embed-builder/', 375],
    ['/en/embed-builder/', 1280],
  ])('the embed builder %s at %i px does not shift as it loads (CLS 0)', async (path, width) => {
    const context = await harness.browser.newContext({ viewport: { width, height: 812 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const shifts: number[] = [];
      (window as unknown as { shifts: number[] }).shifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!entry.hadRecentInput) shifts.push(entry.value);
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${harness.siteServer.url}${path}`);
    // Until the builder has written its code and the preview widget has drawn its notices.
    await expect.poll(() => page.locator('[data-preview] tablica-notices section').count()).toBeGreaterThan(0);
    await page.waitForTimeout(500);
    const shifts = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts);
    expect(shifts.reduce((sum, value) => sum + value, 0)).toBe(0);
    // The observer sees only what moved after a paint, and on an idle machine the first paint
    // seldom comes before the page is parsed and its scripts have run: CI once caught 0.024 here
    // (the form's column widening as the rest of the page arrived, now pinned by the reflow test in
    // browser.test.ts). So what the scripts change is also checked directly: the page drawn
    // without them must have the builder's boxes where the scripts leave them.
    const withScripts = await builderBoxes(page);
    const still = await harness.browser.newContext({ viewport: { width, height: 812 }, javaScriptEnabled: false });
    const painted = await still.newPage();
    await painted.goto(`${harness.siteServer.url}${path}`);
    expect(withScripts).toEqual(await builderBoxes(painted));
    await still.close();
    await context.close();
  });

  /** The builder's visible parts, placed relative to the builder itself (a <noscript> note may precede it). */
  const builderBoxes = (page: Page) =>
    page.evaluate(() => {
      const builder = document.querySelector('.builder')?.getBoundingClientRect();
      const parts = document.querySelectorAll(
        '.builder fieldset, .builder .field:not([hidden]), #b-code, [data-copy], [data-preview]',
      );
      return [...parts].map((part) => {
        const box = part.getBoundingClientRect();
        const at = (value: number) => Math.round(value * 10) / 10;
        return `${part.tagName.toLowerCase()}${part.id ? `#${part.id}` : ''}: ${at(box.x - (builder?.x ?? 0))},${at(box.y - (builder?.y ?? 0))} ${at(box.width)}×${at(box.height)}`;
      });
    });

  test('a notice page links to the builder with the notice chosen', async () => {
    const slug = active[0]?.slug ?? '';
    const link = readPage(site, `/komunikaty/${slug}/`).querySelector(`a[href="/osadz/?notice=${slug}"]`);
    expect(link).not.toBeNull();
    const context = await harness.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${harness.siteServer.url}/osadz/?notice=${slug}`);
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Kod do wklejenia' }).inputValue())
      .toContain(`notice="${slug}"`);
    expect(await page.getByLabel('Jeden komunikat').isChecked()).toBe(true);
    await context.close();
  });
});
