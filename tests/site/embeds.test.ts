import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { isStillNews, noticeStatus } from '@tablica/shared';
import { describe, expect, inject, test } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { useEmbedHarness } from '../support/embed-harness.ts';
import { fileOf, pageExists, readPage } from '../support/html.ts';
import { WORDPRESS_HOST_SCRIPT, wordpressFilterOembed } from '../support/wordpress-oembed.ts';
import { demoSnapshot } from './demo-content.ts';

const site = inject('demoSite');
const snapshot = demoSnapshot();
const BASE = 'https://tablica.example.org';
const active = snapshot.notices.filter((n) => n.locale === 'pl' && noticeStatus(n, new Date()) === 'active');
/** A notice ended in the last days (so still offered for embedding) that exists only in Polish. */
const ended = snapshot.notices.find(
  (n) =>
    n.locale === 'pl' &&
    noticeStatus(n, new Date()) === 'expired' &&
    isStillNews(n, new Date()) &&
    !snapshot.notices.some((other) => other.slug === n.slug && other.locale === 'en'),
);

/** The oEmbed answer a consumer finds from a page's discovery link. */
function discoveredOembed(pagePath: string) {
  const link = readPage(site, pagePath).querySelector('link[rel="alternate"][type="application/json+oembed"]');
  const href = link?.getAttribute('href') ?? '';
  expect(href.startsWith(`${BASE}/`), `${pagePath} links its oEmbed`).toBe(true);
  return JSON.parse(readFileSync(fileOf(site, href.slice(BASE.length)), 'utf8'));
}

describe('oEmbed', () => {
  test.each([
    ['a notice page', () => `/komunikaty/${active[0]?.slug}/`],
    ['an institution page', () => '/instytucje/pwik-brzozow/'],
    ['the home page', () => '/'],
  ])('%s is discoverable, answers type "rich" and survives WordPress\'s filter for unknown providers', (_, path) => {
    const answer = discoveredOembed(path());
    expect(answer).toMatchObject({ version: '1.0', type: 'rich', provider_url: BASE });
    expect(answer.width).toBeGreaterThan(0);
    expect(answer.height).toBeGreaterThan(0);
    const filtered = wordpressFilterOembed(answer.html);
    expect(filtered, 'WordPress keeps the embed').not.toBe(false);
    const kept = readPage(site, '/').createElement('div');
    kept.innerHTML = filtered as string;
    const frame = kept.querySelector('iframe');
    expect(frame?.getAttribute('src')).toMatch(new RegExp(`^${BASE}/embed/.*#\\?secret=abcdefghij$`));
    expect(frame?.getAttribute('title')).toBe(answer.title);
    expect(kept.querySelector('blockquote a')?.getAttribute('href')).toBe(`${BASE}${path()}`);
  });

  test('a notice long in the archive is not offered for embedding any more (its page stays)', () => {
    const old = 'mops-czestochowa-koronawirus-zmiany-2020';
    const page = readPage(site, `/komunikaty/${old}/`);
    expect(page.querySelector('h1')).not.toBeNull();
    expect(page.querySelector('link[type="application/json+oembed"]')).toBeNull();
    expect(page.querySelector('details.embed')).toBeNull();
    expect(pageExists(site, `/widget/notice/${old}.json`)).toBe(false);
    expect(pageExists(site, `/embed/notice/${old}/`)).toBe(false);
  });

  test('English and Ukrainian pages offer no Polish embed to oEmbed consumers', () => {
    expect(readPage(site, '/en/').querySelector('link[type="application/json+oembed"]')).toBeNull();
  });
});

describe.skipIf(!hasChromium)('embeds in Chromium', () => {
  const harness = useEmbedHarness(site);

  test("a WordPress post with a pasted notice address: the frame shows, sized by WordPress's protocol", async () => {
    const answer = discoveredOembed(`/komunikaty/${active[0]?.slug}/`);
    const html = (wordpressFilterOembed(answer.html) as string).replaceAll(BASE, harness.siteServer.url);
    const url = harness.host.set(
      '/wordpress.html',
      `<!doctype html><html lang="pl"><head><title>Post</title><link rel="icon" href="data:,"></head><body>
<article><h1>Post</h1>${html}</article><script>${WORDPRESS_HOST_SCRIPT}</script></body></html>`,
    );
    const context = await harness.browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    const heights = () => page.evaluate(() => (window as unknown as { wpHeights: number[] }).wpHeights);
    await expect.poll(async () => (await heights()).length).toBeGreaterThan(0);
    const frame = page.locator('iframe');
    expect(await frame.getAttribute('style')).toBeNull(); // shown
    expect(await page.locator('blockquote').isVisible()).toBe(false); // the quote gave way
    const inside = page.frameLocator('iframe');
    expect(await inside.getByRole('heading', { level: 1 }).textContent()).toBe(active[0]?.title);
    await context.close();
  });

  test("the single-notice widget shows the reader's language or the original, and an ended notice as ended", async () => {
    const translated = snapshot.notices.find((n) => n.locale === 'en' && noticeStatus(n, new Date()) === 'active');
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
    expect(await code.inputValue()).toMatch(/^<iframe src="https:\/\/tablica\.example\.org\/embed\/pwik-brzozow\/"/);
    await page.getByLabel('WordPress: wklejony adres').check();
    expect(await code.inputValue()).toBe('https://tablica.example.org/instytucje/pwik-brzozow/');

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
