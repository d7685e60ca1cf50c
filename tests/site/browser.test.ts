import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { routes } from '../../site/src/lib/routes.ts';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { allPagePaths } from '../support/html.ts';
import { type StaticServer, serveDirectory } from '../support/static-server.ts';
import { demoSnapshot, withStatus } from './demo-content.ts';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const site = inject('demoSite');

describe.skipIf(!hasChromium)('the demo site in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    server = await serveDirectory(site);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const problemsOf = new WeakMap<Page, string[]>();

  /**
   * A fresh page that fails the test on any console error, page error, dialog (an executed
   * script) or Content-Security-Policy violation (the server's real headers are in force).
   */
  async function openPage(path: string, setup?: (page: Page) => Promise<void>): Promise<Page> {
    const context = await browser.newContext({ javaScriptEnabled: true });
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
      });
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await setup?.(page);
    const response = await page.goto(`${server.url}${path}`);
    expect(response?.status(), path).toBeLessThan(400);
    problemsOf.set(page, problems);
    return page;
  }

  /** Closes a page opened with openPage, failing the test on anything it logged as an error. */
  async function closeChecked(page: Page): Promise<void> {
    expect(problemsOf.get(page), page.url()).toEqual([]);
    await page.context().close();
  }

  test('axe (WCAG 2.1 AA) finds no violation and the CSP blocks nothing on any page, the 404 included', async () => {
    const paths = allPagePaths(site);
    expect(paths.length).toBeGreaterThan(40);
    const failures: string[] = [];
    for (const path of paths) {
      const page = await openPage(path);
      // Dark mode changes only colours: checked on the Polish pages, which hold every component.
      const schemes = path.startsWith('/en/') || path.startsWith('/uk/') ? ['light'] : ['light', 'dark'];
      for (const scheme of schemes as ('light' | 'dark')[]) {
        await page.emulateMedia({ colorScheme: scheme });
        const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
        for (const violation of violations) {
          failures.push(
            `${path} (${scheme}): ${violation.id} — ${violation.nodes.map((node) => node.target).join(', ')}`,
          );
        }
      }
      await closeChecked(page);
    }
    expect(failures).toEqual([]);
    // Every page, in two colour schemes: about five minutes on these 2-core machines (305 s in a
    // loaded CI run); the limit leaves room for more pages.
  }, 600_000);

  test('reflow (WCAG 1.4.10): no page scrolls sideways at 320 CSS px, after its scripts have run', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'pl-PL' });
    const page = await context.newPage();
    const wide: string[] = [];
    for (const path of allPagePaths(site)) {
      await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
      // The embed builder draws its code and preview from script: measured after that too.
      const overflow = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const culprit = [...document.body.querySelectorAll('*')].find(
          (element) => element.getBoundingClientRect().right > width + 0.5 && !element.closest('pre, table'),
        );
        return document.documentElement.scrollWidth > width
          ? `${document.documentElement.scrollWidth} px, e.g. <${culprit?.tagName.toLowerCase()} class="${culprit?.className}">`
          : undefined;
      });
      if (overflow) wide.push(`${path}: ${overflow}`);
    }
    expect(wide).toEqual([]);
    await context.close();
  }, 300_000);

  test('keyboard: the first Tab reaches the skip link, which moves focus to the content; every link shows focus', async () => {
    const page = await openPage('/komunikaty/mops-czestochowa-koronawirus-zmiany-2020/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    expect(await page.locator('.skip-link').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#main');
    // Tab through the whole page: each stop is visible and outlined.
    let stops = 0;
    for (let step = 0; step < 120; step++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        // Back at the start (or out of the page): the whole tab order has been walked.
        if (!element || element === document.body || element.dataset.visited) return undefined;
        element.dataset.visited = 'yes';
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        return {
          key: `${element.tagName}:${element.getAttribute('href') ?? element.textContent?.slice(0, 30)}`,
          outline: style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2,
          visible: box.width > 0 && box.height > 0,
        };
      });
      if (!focused) break;
      stops++;
      expect(focused.outline, focused.key).toBe(true);
      expect(focused.visible, focused.key).toBe(true);
    }
    expect(stops).toBeGreaterThan(10);
    await closeChecked(page);
  });

  test('read after a notice ends, the page says it has ended and the urgent banner goes', async () => {
    const snapshot = demoSnapshot();
    const urgent = withStatus(snapshot, 'active').find(
      (notice) => notice.severity === 'urgent' && notice.effectiveUntil,
    );
    if (!urgent?.effectiveUntil) throw new Error('the demo has no urgent notice with an end');
    const later = new Date(urgent.effectiveUntil.getTime() + 60_000);

    const now = await openPage(`/komunikaty/${urgent.slug}/`);
    expect(await now.locator('.notice-header .status').textContent()).toBe('Obowiązuje');
    await closeChecked(now);

    const afterEnd = async (path: string) => openPage(path, (page) => page.clock.setFixedTime(later));
    const page = await afterEnd(`/komunikaty/${urgent.slug}/`);
    expect(await page.locator('.notice-header .status').textContent()).toBe('Zakończony');
    await closeChecked(page);
    const home = await afterEnd('/');
    expect(await home.locator('.urgent-banner li').first().isHidden()).toBe(true);
    await closeChecked(home);
  });

  test('on a 375×812 phone every notice shows what changed, until when and a call button in the first screen, and its metadata at full width', async () => {
    const snapshot = demoSnapshot();
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true });
    const slugs = [...new Set(snapshot.notices.map((notice) => notice.slug))];
    let metadataSeen = 0;
    for (const locale of ['pl', 'en', 'uk'] as const) {
      for (const slug of slugs) {
        // Translated or not: an address in every language answers (the original's key facts if untranslated).
        const path = routes.notice(slug, locale);
        const page = await context.newPage();
        const response = await page.goto(`${server.url}${path}`);
        expect(response?.status(), path).toBe(200);
        const bottoms = await page.evaluate(() =>
          Object.fromEntries(
            ['h1', '.notice-header .lead', '.notice-header .period', '.notice-header .call a', '.fallback-note'].map(
              (selector) => {
                const box = document.querySelector(selector)?.getBoundingClientRect();
                return [selector, box ? { bottom: box.bottom, height: box.height } : undefined];
              },
            ),
          ),
        );
        for (const selector of ['h1', '.notice-header .lead', '.notice-header .period']) {
          expect(bottoms[selector]?.bottom, `${path} ${selector}`).toBeLessThanOrEqual(812);
        }
        const original = snapshot.notices.find((notice) => notice.slug === slug && notice.locale === 'pl');
        if (original?.channels.some((channel) => channel.kind === 'phone')) {
          expect(bottoms['.notice-header .call a']?.bottom, `${path}: the call button`).toBeLessThanOrEqual(812);
        }
        // The language note, where there is one, is one line.
        if (bottoms['.fallback-note']) expect(bottoms['.fallback-note'].height, path).toBeLessThanOrEqual(30);
        // The metadata's values (the institution's long name) get the screen's width, not what a label leaves.
        const metaWidths = await page.evaluate(() => ({
          list: document.querySelector('.meta')?.getBoundingClientRect().width ?? 0,
          values: [...document.querySelectorAll('.meta dd')].map((value) => value.getBoundingClientRect().width),
        }));
        // (An untranslated notice's address shows the original's key facts, without them.)
        if (metaWidths.values.length > 0) metadataSeen++;
        for (const width of metaWidths.values) expect(width, path).toBeGreaterThanOrEqual(metaWidths.list * 0.9);
        await page.close();
      }
    }
    expect(metadataSeen).toBeGreaterThanOrEqual(slugs.length);
    await context.close();
  });

  test('an untranslated notice’s Ukrainian address leads to the original, in Ukrainian, instead of a 404', async () => {
    const page = await openPage('/uk/notices/filia-biblioteki-nr-3-zamknieta/');
    expect(await page.locator('html').getAttribute('lang')).toBe('uk');
    expect((await page.locator('.fallback-note').textContent())?.trim()).toBe('Повідомлення доступне лише польською.');
    expect(await page.locator('h1').getAttribute('lang')).toBe('pl');
    const link = page.getByRole('link', { name: 'Прочитати все повідомлення польською' });
    expect(await link.getAttribute('href')).toBe('/komunikaty/filia-biblioteki-nr-3-zamknieta/');
    expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(
      'https://tablica.example.org/komunikaty/filia-biblioteki-nr-3-zamknieta/',
    );
    await closeChecked(page);
  });

  test('printed, a page carries its address and the publisher’s contact, and no language box, navigation or site links', async () => {
    // A notice not translated into English has the "only in Polish" box on screen.
    const page = await openPage('/komunikaty/awaria-wodociagu-ul-lipowa/');
    expect(await page.locator('.fallback-note').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect((await page.locator('.print-only').textContent())?.trim()).toBe(
      'Wydrukowano ze strony: https://tablica.example.org/komunikaty/awaria-wodociagu-ul-lipowa/',
    );
    expect(await page.locator('.print-only').isVisible()).toBe(true);
    for (const hidden of ['.fallback-note', '.language-switcher', '.site-nav']) {
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    }
    // The footer keeps who published it and how to reach them; links to feeds, the accessibility
    // statement and the embed builder are for the screen (a page of them printed on its own).
    const footer = page.locator('.site-footer');
    expect(await footer.getByText('Tablica (wersja demonstracyjna)').isVisible()).toBe(true);
    expect(await footer.getByRole('link', { name: /redakcja@/ }).isVisible()).toBe(true);
    for (const screenOnly of ['RSS', 'Deklaracja dostępności', 'Umieść komunikaty na swojej stronie']) {
      expect(await footer.getByRole('link', { name: screenOnly }).isVisible(), screenOnly).toBe(false);
    }
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('.print-only').isVisible()).toBe(false);
    await closeChecked(page);
  });

  test("a missing address answers 404 with the site's own page, which leads home", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(`${server.url}/komunikaty/nie-ma-takiego/`);
    expect(response?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Nie ma takiej strony');
    await page.getByRole('link', { name: 'Strona główna' }).last().click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');
    await context.close();
  });

  test('search finds a notice by a word of its text, in the page language', async () => {
    const page = await openPage('/szukaj/');
    await page.getByLabel('Czego szukasz?').fill('beczkowozy');
    await page.keyboard.press('Enter');
    const first = page.locator('[data-search-results] a').first();
    await expect.poll(() => first.getAttribute('href'), { timeout: 10_000 }).toMatch(/awaria-wodociagu/);
    await closeChecked(page);
  });

  test('search finds a Ukrainian word whichever apostrophe the reader types and the text was written with', async () => {
    // The demo's water notice in Ukrainian has "Кип’ятіть" (’) and "кипʼячену" (ʼ, U+02BC, as
    // official Ukrainian texts write it); readers type ' on most keyboards, ’ or ʼ on others.
    for (const query of ["кип'ятіть", 'кипʼятіть', "кип'ячену", 'кип’ячену', 'кипʼячену']) {
      const page = await openPage(`/uk/search/?q=${encodeURIComponent(query)}`);
      await expect
        .poll(() => page.locator('[data-search-results] a').first().getAttribute('href'), {
          timeout: 10_000,
          message: query,
        })
        .toMatch(/awaria-wodociagu/);
      await closeChecked(page);
    }
  });

  test('search finds Polish words typed without ł, as on keyboards and phones without Polish letters', async () => {
    const page = await openPage('/szukaj/?q=plywalnia');
    await expect
      .poll(
        () =>
          page
            .locator('[data-search-results] a')
            .evaluateAll((links) => links.map((link) => link.getAttribute('href'))),
        {
          timeout: 10_000,
        },
      )
      .toEqual(
        expect.arrayContaining([
          expect.stringMatching(/zamkniecie-plywalni-miejskiej/),
          expect.stringMatching(/zamkniecie-plywalni-przedluzone/),
        ]),
      );
    await closeChecked(page);
    // The plain spellings are the index's: a reader of the page does not see them.
    const notice = await openPage('/komunikaty/zamkniecie-plywalni-miejskiej/');
    const plain = notice.locator('article p[hidden]');
    expect(await plain.textContent()).toContain('plywalnia');
    expect(await plain.isVisible()).toBe(false);
    await closeChecked(notice);
  });

  test('search results say status and period, whole summaries, and put the notice in force above the ended one it replaced', async () => {
    const page = await openPage('/szukaj/?q=p%C5%82ywalnia');
    const results = page.locator('[data-search-results] > li');
    await expect.poll(() => results.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    const read = await results.evaluateAll((items) =>
      items.map((item) => ({
        href: item.querySelector('a')?.getAttribute('href') ?? '',
        status: item.querySelector('.status')?.textContent ?? '',
        when: item.querySelector('.search-when')?.textContent ?? '',
        summary: item.querySelector('p:last-child')?.textContent ?? '',
      })),
    );
    const newer = read.findIndex((result) => result.href.includes('zamkniecie-plywalni-przedluzone'));
    const older = read.findIndex((result) => result.href.includes('zamkniecie-plywalni-miejskiej'));
    expect(newer).toBeGreaterThanOrEqual(0);
    expect(older).toBeGreaterThan(newer);
    expect(read[newer]?.status).toBe('Obowiązuje');
    expect(read[older]?.status).toBe('Zakończony');
    expect(read[older]?.when).toMatch(/^Zakończony od \d+ (listopada|grudnia|października)/);
    const summary = demoSnapshot().notices.find(
      (notice) => notice.slug === 'zamkniecie-plywalni-przedluzone' && notice.locale === 'pl',
    )?.summary;
    expect(read[newer]?.summary).toBe(summary);
    await closeChecked(page);
  });

  test('a result for an announced notice says "not yet in force" whole (an excerpt once cut "ще не діє" to "діє")', async () => {
    const page = await openPage('/en/search/?q=vaccination');
    const status = page.locator('[data-search-results] .status').first();
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toBe('Announced — not yet in force');
    expect(await page.locator('[data-search-results]').textContent()).not.toMatch(/\bIn force\b/);
    await closeChecked(page);
  });
});
