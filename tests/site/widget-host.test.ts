import { noticeStatus } from '@tablica/shared';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import type { WidgetVariant } from '../../site/src/lib/embed/reserve.ts';
import { widgetSnippet } from '../../site/src/lib/embed/snippets.ts';
import { hasChromium } from '../support/browser.ts';
import { useEmbedHarness } from '../support/embed-harness.ts';
import { demoNow, demoSnapshot } from './demo-content.ts';

const site = inject('demoSite');
const snapshot = demoSnapshot();
const activeUrgent = snapshot.notices.find(
  (n) => n.locale === 'pl' && n.severity === 'urgent' && noticeStatus(n, demoNow()) === 'active',
);

/** Records every layout shift from the first paint on (the way Core Web Vitals' CLS does). */
const SHIFT_OBSERVER = `<script>window.shifts = [];
new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.shifts.push(entry.value); })
  .observe({ type: 'layout-shift', buffered: true });</script>`;

/** A host page that does everything a careless theme does to the elements a widget might use. */
const HOSTILE_CSS = `<style>
html { font-size: 40px; }
*, *::before, *::after { margin: 0 !important; padding: 0 !important; border: 0 !important;
  box-sizing: content-box !important; line-height: 4 !important; color: #f0f !important;
  background: #ff0 !important; font-family: serif !important; text-decoration: none !important;
  list-style: square inside !important; letter-spacing: 3px !important; text-transform: uppercase !important; }
div, section, ul, li, h2, p, span, a, slot { display: none !important; }
</style>`;

/** Another widget vendor's custom element, already on the page. */
const OTHER_ELEMENT = `<script>customElements.define('radio-player', class extends HTMLElement {
  connectedCallback() { this.attachShadow({ mode: 'open' }).innerHTML = '<b part="label">Radio na żywo</b>'; }
});</script>`;

describe.skipIf(!hasChromium)('the widget on the host page', () => {
  const harness = useEmbedHarness(site);

  const snippet = (variant: WidgetVariant, options: { reserve?: boolean } = {}) => {
    const code = widgetSnippet({
      siteUrl: harness.siteServer.url,
      variant,
      notice: activeUrgent?.slug,
      limit: 3,
      lang: 'pl',
      theme: 'auto',
      fallbackUrl: `${harness.siteServer.url}/obowiazujace/`,
      fallbackText: 'Komunikaty',
    });
    return options.reserve === false ? code.replace(/;min-height:[\d.]+em/, '') : code;
  };

  async function open(path: string, body: string, options: { width?: number; headers?: Record<string, string> } = {}) {
    const url = harness.host.set(path, { body, headers: options.headers ?? {} });
    const context = await harness.browser.newContext({ viewport: { width: options.width ?? 1024, height: 900 } });
    const page = await context.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(url);
    await expect
      .poll(() => page.locator('tablica-notices').evaluate((el) => el.shadowRoot?.querySelector('section') !== null))
      .toBe(true);
    // Two frames after the render: any shift it caused has been recorded by then.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    return { page, context, requests, problems };
  }

  const totalShift = (page: Page) =>
    page.evaluate(() => (window as unknown as { shifts: number[] }).shifts.reduce((sum, value) => sum + value, 0));

  const page = (widget: string, extra = '') => `<!doctype html><html lang="pl"><head><meta charset="utf-8">
<title>Radio</title><link rel="icon" href="data:,">${SHIFT_OBSERVER}${extra}</head><body><main>
<h1>Radio Brzozów</h1><article>Wiadomości dnia, akapit nad widżetem.</article>
${widget}
<article id="below">Dalsza część strony, która nie może podskoczyć.</article></main></body></html>`;

  test.each(['list', 'banner', 'single'] as const)(
    'the %s variant, with the space the builder reserves, shifts nothing (and without it, it would)',
    async (variant) => {
      expect(activeUrgent, 'the demo has an urgent notice in force').toBeDefined();
      // A narrow phone: titles and periods wrap as far as they ever will.
      const reserved = await open(`/cls-${variant}.html`, page(snippet(variant)), { width: 320 });
      expect(
        await reserved.page.locator('tablica-notices').locator('a[part~="link"], a[part~="more"]').count(),
      ).toBeGreaterThan(0);
      expect(await totalShift(reserved.page)).toBe(0);
      // The widget fits in what was reserved for it.
      const fits = await reserved.page.locator('tablica-notices').evaluate((element) => {
        const box = element.shadowRoot?.querySelector('section')?.getBoundingClientRect();
        return { box: box?.height ?? 0, host: element.getBoundingClientRect().height };
      });
      expect(fits.box).toBeGreaterThan(0);
      expect(fits.box).toBeLessThanOrEqual(fits.host);
      // Two requests: the script and its data; nothing to anyone else.
      const toSite = reserved.requests.filter((url) => url.startsWith(harness.siteServer.url));
      expect(toSite).toHaveLength(2);
      expect(
        reserved.requests.filter((url) => !url.startsWith(harness.siteServer.url) && !url.startsWith(harness.host.url)),
      ).toEqual([]);
      expect(reserved.problems).toEqual([]);
      await reserved.context.close();

      if (variant === 'banner') return; // a one-line bar is about the fallback link's height
      const bare = await open(`/cls-${variant}-bare.html`, page(snippet(variant, { reserve: false })), { width: 320 });
      expect(await totalShift(bare.page), 'the observer sees shifts when nothing is reserved').toBeGreaterThan(0);
      await bare.context.close();
    },
  );

  test('a hostile host page (resets, a 40px base font, display:none on every common tag, another custom element) neither breaks the widget nor is touched by it', async () => {
    const body = (widget: string) => page(`<radio-player></radio-player>${widget}`, `${HOSTILE_CSS}${OTHER_ELEMENT}`);
    const withWidget = await open('/hostile.html', body(snippet('list')), { width: 480 });
    const widget = withWidget.page.locator('tablica-notices');
    const links = widget.locator('a[part="link"]');
    expect(await links.count()).toBe(3);
    for (const link of await links.all()) expect(await link.isVisible()).toBe(true);
    const inside = await links.first().evaluate((link) => {
      const style = getComputedStyle(link);
      const item = getComputedStyle(link.closest('section') as Element);
      return {
        color: style.color,
        transform: style.textTransform,
        lineHeight: item.lineHeight,
        fontSize: item.fontSize,
      };
    });
    expect(inside.color).toBe('rgb(11, 79, 168)');
    expect(inside.transform).toBe('none');
    // The host's large type carries into the widget (readers chose it), its line-height does not.
    expect(inside.fontSize).toBe('40px');
    expect(Number.parseFloat(inside.lineHeight)).toBeCloseTo(56, 0);
    expect(await totalShift(withWidget.page)).toBe(0);
    expect(withWidget.problems).toEqual([]);

    // Nothing of the widget's styling reaches the host page: the same page without the widget
    // computes the same styles for its own elements, and gains no stylesheet.
    const hostStyles = (target: Page) =>
      target.evaluate(() => {
        const pick = (element: Element | null) => {
          if (!element) return null;
          const style = getComputedStyle(element);
          return [
            style.color,
            style.fontSize,
            style.lineHeight,
            style.display,
            style.fontFamily,
            style.background,
          ].join('|');
        };
        const player = document.querySelector('radio-player');
        return {
          elements: ['html', 'body', 'main', 'h1', 'article', '#below'].map((selector) =>
            pick(document.querySelector(selector)),
          ),
          player: pick(player?.shadowRoot?.querySelector('b') ?? null),
          sheets: document.styleSheets.length + document.adoptedStyleSheets.length,
        };
      });
    const without = await open('/hostile-control.html', body('<tablica-notices></tablica-notices>'), { width: 480 });
    expect(await hostStyles(withWidget.page)).toEqual(await hostStyles(without.page));
    await withWidget.context.close();
    await without.context.close();
  });

  test('works under a strict Content-Security-Policy (no inline scripts, connections to the site only), keeps no cookies or storage', async () => {
    harness.host.set('/csp-check.js', {
      contentType: 'text/javascript',
      body: `window.violations = []; document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective + ' ' + e.blockedURI));`,
    });
    const csp = [
      "default-src 'none'",
      `script-src 'self' ${harness.siteServer.url}`,
      `connect-src ${harness.siteServer.url}`,
      // The snippet's reserved space is a style attribute; a site that forbids those reserves it in its own CSS.
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
    ].join('; ');
    const body = `<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>Radio</title>
<script src="/csp-check.js"></script></head><body><main><h1>Radio</h1>${snippet('list')}</main></body></html>`;
    const strict = await open('/csp.html', body.replace('</head>', '</head>'), {
      headers: { 'content-security-policy': csp },
    });
    // The shift observer is an inline script, so this page does without it; the widget must still render.
    expect(await strict.page.locator('tablica-notices').locator('a[part="link"]').count()).toBe(3);
    expect(await strict.page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    const storage = await strict.page.evaluate(() => ({
      cookie: document.cookie,
      local: localStorage.length,
      session: sessionStorage.length,
    }));
    expect(storage).toEqual({ cookie: '', local: 0, session: 0 });
    expect(await strict.context.cookies()).toEqual([]);
    await strict.context.close();
  });
});
