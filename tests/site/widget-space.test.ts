import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { WidgetVariant } from '../../site/src/lib/embed/reserve.ts';
import { widgetSnippet } from '../../site/src/lib/embed/snippets.ts';
import { demoSnapshotRaw } from '../fixtures/demo-snapshot.ts';
import { hasChromium } from '../support/browser.ts';
import { useEmbedHarness } from '../support/embed-harness.ts';
import { buildSite, type SiteBuild } from '../support/site-build.ts';

/**
 * The widget on a phone, where space is short: a banner with two urgent notices, the single
 * notice with its phone, a list reserved for three that has one. The demo, with the library's
 * closure made urgent too, so that two urgent notices are in force.
 */
let build: SiteBuild;
const outDir = mkdtempSync(path.join(tmpdir(), 'tablica-widget-space-'));

beforeAll(async () => {
  const raw = demoSnapshotRaw();
  for (const notice of raw.notices.filter((entry) => entry.slug === 'filia-biblioteki-nr-3-zamknieta')) {
    notice.severity = 'urgent';
  }
  const file = path.join(outDir, 'snapshot.json');
  writeFileSync(file, JSON.stringify(raw));
  build = await buildSite({ env: { TABLICA_CONTENT: file } });
  if (!build.ok) throw new Error(build.output);
}, 120_000);
afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  if (build) rmSync(build.outDir, { recursive: true, force: true });
});

const SHIFT_OBSERVER = `<script>window.shifts = [];
new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.shifts.push(entry.value); })
  .observe({ type: 'layout-shift', buffered: true });</script>`;

describe.skipIf(!hasChromium)('the widget on a 375 px phone', () => {
  const harness = useEmbedHarness(() => build.outDir);

  async function open(
    name: string,
    variant: WidgetVariant,
    options: { institution?: string; notice?: string; limit?: number },
  ) {
    const snippet = widgetSnippet({
      siteUrl: harness.siteServer.url,
      variant,
      institution: options.institution,
      notice: options.notice,
      limit: options.limit ?? 3,
      lang: 'pl',
      theme: 'auto',
      fallbackUrl: `${harness.siteServer.url}/`,
      fallbackText: 'Komunikaty',
    });
    const url = harness.host.set(
      `/${name}.html`,
      `<!doctype html><html lang="pl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Radio</title><link rel="icon" href="data:,">${SHIFT_OBSERVER}</head>
<body><main><h1>Radio Brzozów</h1>${snippet}<p id="below">Dalsza część strony.</p></main></body></html>`,
    );
    const context = await harness.browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true });
    const page = await context.newPage();
    await page.goto(url);
    await expect
      .poll(() => page.locator('tablica-notices').evaluate((el) => el.shadowRoot?.querySelector('section') !== null))
      .toBe(true);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const shift = await page.evaluate(() =>
      (window as unknown as { shifts: number[] }).shifts.reduce((sum, value) => sum + value, 0),
    );
    expect(shift, 'the host page does not shift').toBe(0);
    return { page, close: () => context.close() };
  }

  /** Inside the widget: how tall it is, and how much of it is left blank below its last line. */
  const space = (page: Page) =>
    page.locator('tablica-notices').evaluate((host) => {
      const section = host.shadowRoot?.querySelector('section');
      const lines = [...(section?.querySelectorAll('h2, li, a, p, span') ?? [])].map(
        (node) => node.getBoundingClientRect().bottom,
      );
      const top = host.getBoundingClientRect().top;
      const fontSize = Number.parseFloat(getComputedStyle(host).fontSize);
      return {
        height: host.getBoundingClientRect().height,
        blankEm: (host.getBoundingClientRect().bottom - Math.max(...lines)) / fontSize,
        top,
      };
    });

  test('the banner shows both urgent notices, says how many, and ends a cut line with an ellipsis', async () => {
    const { page, close } = await open('banner', 'banner', {});
    const widget = page.locator('tablica-notices');
    const links = widget.locator('a[part~="link"]');
    await expect.poll(() => links.count()).toBe(2);
    expect(await widget.locator('.sev').first().textContent()).toBe('Pilne (2): ');
    const line = await widget.locator('ul').evaluate((list) => ({
      overflow: getComputedStyle(list).textOverflow,
      cut: list.scrollWidth > list.clientWidth,
      height: list.getBoundingClientRect().height,
    }));
    expect(line.cut, 'two headlines do not fit in 375 px').toBe(true);
    expect(line.overflow).toBe('ellipsis');
    expect(line.height).toBeLessThan(30); // one line
    await close();
  });

  test('the single-notice widget gives the notice’s main phone to tap', async () => {
    const { page, close } = await open('single', 'single', { notice: 'awaria-wodociagu-ul-lipowa' });
    const call = page.locator('tablica-notices').locator('a[part="call"]');
    await expect.poll(() => call.count()).toBe(1);
    expect(await call.getAttribute('href')).toBe('tel:+48325550199');
    expect(await call.textContent()).toBe('Zadzwoń: +48 32 555 01 99');
    await close();
  });

  test('a list reserved for three with one notice in force fills the space with its summary, not a blank box', async () => {
    const { page, close } = await open('list-one', 'list', { institution: 'pwik-brzozow', limit: 3 });
    const widget = page.locator('tablica-notices');
    await expect.poll(() => widget.locator('li').count()).toBe(1);
    expect(await widget.locator('[part="summary"]').textContent()).toMatch(/^Po awarii magistrali/);
    const { blankEm } = await space(page);
    // Was ~15em, two and a half empty items; less than one item's worth (6.05em) is left.
    expect(blankEm).toBeLessThan(6);
    expect(await widget.locator('a[part="call"]').getAttribute('href')).toBe('tel:+48325550199');
    await close();
  });
});
