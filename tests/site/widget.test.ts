import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { noticeStatus } from '@tablica/shared';
import { describe, expect, inject, test } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { useEmbedHarness } from '../support/embed-harness.ts';
import { fileOf } from '../support/html.ts';
import { demoNow, demoSnapshot } from './demo-content.ts';

const site = inject('demoSite');
const snapshot = demoSnapshot();

/** A radio station's page, on another origin, with the widget snippet pasted in. */
function hostPage(siteUrl: string, widget: string): string {
  return `<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>Radio</title><link rel="icon" href="data:,"></head><body>
<main><h1>Radio Brzozów</h1>${widget}</main>
<script>window.loadedEvents = 0; document.addEventListener('tablica:loaded', () => window.loadedEvents++);</script>
<script src="${siteUrl}/embed.js" async></script></body></html>`;
}

describe.skipIf(!hasChromium)('the <tablica-notices> widget on another site', () => {
  const harness = useEmbedHarness(site);

  async function open(name: string, widget: string, options: { javaScriptEnabled?: boolean; at?: Date } = {}) {
    const url = harness.host.set(`/${name}.html`, hostPage(harness.siteServer.url, widget));
    const context = await harness.browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true });
    const page = await context.newPage();
    const messages: string[] = [];
    page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
    page.on('response', (response) => {
      if (response.status() >= 400) messages.push(`http ${response.status()}: ${response.url()}`);
    });
    if (options.at) await page.clock.setFixedTime(options.at);
    await page.goto(url);
    return { page, messages, close: () => context.close() };
  }

  const fallback = (siteUrl: string) =>
    `<tablica-notices lang="pl" limit="3"><a href="${siteUrl}/obowiazujace/">Komunikaty</a></tablica-notices>`;

  test('renders current notices, urgent first, in a labelled region, and announces itself once', async () => {
    const { page, messages, close } = await open('list', fallback(harness.siteServer.url));
    const links = page.locator('tablica-notices').locator('a[part="link"]');
    await expect.poll(() => links.count(), { message: messages.join('\n') }).toBe(3);
    const urgent = snapshot.notices.find(
      (n) => n.locale === 'pl' && n.severity === 'urgent' && noticeStatus(n, demoNow()) === 'active',
    );
    expect(await links.first().textContent()).toBe(urgent?.title);
    expect(await page.locator('tablica-notices').locator('section[aria-label]').count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { loadedEvents: number }).loadedEvents)).toBe(1);
    const { violations } = await new AxeBuilder({ page })
      .include('tablica-notices')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(violations.map((violation) => violation.id)).toEqual([]);
    expect(messages.filter((message) => message.startsWith('error'))).toEqual([]);
    await close();
  });

  test("a notice whose end has passed by the reader's clock is not shown", async () => {
    const urgent = snapshot.notices.find((n) => n.locale === 'pl' && n.severity === 'urgent' && n.effectiveUntil);
    if (!urgent?.effectiveUntil) throw new Error('the demo has no urgent notice with an end');
    const { page, close } = await open('later', fallback(harness.siteServer.url), {
      at: new Date(urgent.effectiveUntil.getTime() + 60_000),
    });
    const links = page.locator('tablica-notices').locator('a[part="link"]');
    await expect.poll(() => links.count()).toBeGreaterThan(0);
    expect(await links.allTextContents()).not.toContain(urgent.title);
    await close();
  });

  test.each([
    ['en', 'Notices', 'All notices'],
    ['uk', 'Повідомлення', 'Усі повідомлення'],
  ])('lang="%s": its notices and its own words, from its data file', async (lang, region, more) => {
    const { page, messages, close } = await open(
      `lang-${lang}`,
      `<tablica-notices lang="${lang}"><a href="${harness.siteServer.url}/">x</a></tablica-notices>`,
    );
    const widget = page.locator('tablica-notices');
    await expect
      .poll(() => widget.locator('a[part="more"]').textContent(), { message: messages.join('\n') })
      .toBe(more);
    expect(await widget.locator('section').getAttribute('aria-label')).toMatch(new RegExp(`^${region}: `));
    expect(messages.filter((message) => message.startsWith('warning'))).toEqual([]);
    await close();
  });

  test('a language the site does not publish in gets the default language, and says so once', async () => {
    const { page, messages, close } = await open(
      'lang-de',
      `<tablica-notices lang="de"><a href="${harness.siteServer.url}/">x</a></tablica-notices>`,
    );
    const widget = page.locator('tablica-notices');
    await expect.poll(() => widget.locator('a[part="more"]').textContent()).toBe('Wszystkie komunikaty');
    expect(messages.filter((message) => message.startsWith('warning'))).toEqual([
      'warning: [tablica] lang="de" is not one of pl, en, uk; showing pl.',
    ]);
    await close();
  });

  test('without JavaScript, and when the data cannot be fetched, the plain link stays (one prefixed warning)', async () => {
    const noScript = await open('nojs', fallback(harness.siteServer.url), { javaScriptEnabled: false });
    expect(await noScript.page.getByRole('link', { name: 'Komunikaty' }).getAttribute('href')).toBe(
      `${harness.siteServer.url}/obowiazujace/`,
    );
    await noScript.close();
    const broken = await open(
      'broken',
      `<tablica-notices institution="nie-ma-takiej"><a href="${harness.siteServer.url}/">Komunikaty</a></tablica-notices>`,
    );
    await expect.poll(() => broken.messages.filter((m) => m.startsWith('warning')).length).toBe(1);
    expect(broken.messages.find((m) => m.startsWith('warning'))).toMatch(/^warning: \[tablica\] /);
    expect(await broken.page.getByRole('link', { name: 'Komunikaty' }).isVisible()).toBe(true);
    await broken.close();
  });
});

describe.skipIf(!hasChromium)('the iframe embed', () => {
  const harness = useEmbedHarness(site);

  test.each(['pwik-brzozow/', 'notice/awaria-wodociagu-ul-lipowa/'])(
    "/embed/%s reports its height, also by WordPress's secret protocol, and stays small and accessible",
    async (embedPath) => {
      const html = readFileSync(fileOf(site, `/embed/${embedPath}`));
      const frameScript = readFileSync(fileOf(site, '/embed-frame.js'));
      expect(html.length + frameScript.length).toBeLessThanOrEqual(15 * 1024);
      const host = `<!doctype html><html lang="pl"><head><title>Host</title><link rel="icon" href="data:,"></head><body>
<iframe title="Komunikaty" src="${harness.siteServer.url}/embed/${embedPath}#?secret=abc123" width="400" height="50"></iframe>
<script>window.heights = []; addEventListener('message', (event) => {
  if (event.origin !== ${JSON.stringify(harness.siteServer.url)}) return;
  window.heights.push(event.data);
});</script></body></html>`;
      const context = await harness.browser.newContext();
      const page = await context.newPage();
      await page.goto(harness.host.set(`/frame-${embedPath.replaceAll('/', '-')}.html`, host));
      type Message = { type?: string; height?: number; message?: string; value?: number; secret?: string };
      const messages = () => page.evaluate(() => (window as unknown as { heights: Message[] }).heights);
      await expect
        .poll(async () => (await messages()).some((m) => m.message === 'height' && m.secret === 'abc123'))
        .toBe(true);
      const wordpress = (await messages()).find((m) => m.message === 'height');
      const own = (await messages()).find((m) => m.type === 'tablica:height');
      expect(wordpress?.value).toBeGreaterThan(40);
      expect(own?.height).toBe(wordpress?.value);
      const frame = page.frameLocator('iframe');
      expect(await frame.locator('a').first().getAttribute('href')).toMatch(/^\/komunikaty\//);
      const embedPage = await context.newPage();
      await embedPage.goto(`${harness.siteServer.url}/embed/${embedPath}`);
      const { violations } = await new AxeBuilder({ page: embedPage })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      expect(violations.map((violation) => violation.id)).toEqual([]);
      await context.close();
    },
  );
});
