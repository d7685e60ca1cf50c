import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { parseHTML } from 'linkedom';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HOSTILE, hostileSnapshot } from '../fixtures/hostile-snapshot.ts';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { allPagePaths, fileOf, readPage } from '../support/html.ts';
import { buildSiteFromSnapshot, type SiteBuild } from '../support/site-build.ts';
import { type StaticServer, serveDirectory } from '../support/static-server.ts';
import { CAP_XSD, parseXmlStrict, xmllint } from '../support/xml.ts';

const HOSTILE_SLUG = 'awaria-wodociagu-ul-lipowa';

describe('hostile content', () => {
  let build: SiteBuild;
  let browser: Browser | undefined;
  let server: StaticServer | undefined;

  beforeAll(async () => {
    build = await buildSiteFromSnapshot(hostileSnapshot());
    if (hasChromium && build.ok) {
      server = await serveDirectory(build.outDir);
      browser = await launchChromium();
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the site still builds', () => {
    expect(build.output).toContain('Complete!');
    expect(build.ok).toBe(true);
  });

  test('markup in content stays text on every page: no handlers, no javascript: links, no extra scripts', () => {
    const pages = allPagePaths(build.outDir);
    expect(pages.length).toBeGreaterThan(40);
    for (const pagePath of pages) {
      const page = readPage(build.outDir, pagePath);
      for (const element of page.querySelectorAll('*')) {
        const names = element.getAttributeNames();
        expect(
          names.filter((name: string) => name.startsWith('on')),
          pagePath,
        ).toEqual([]);
        for (const name of ['href', 'src', 'action']) {
          expect(element.getAttribute(name) ?? '', pagePath).not.toMatch(/^\s*javascript:/i);
        }
      }
      expect(page.querySelectorAll('img, iframe, svg, style, object, embed').length, pagePath).toBe(0);
      const scripts = [...page.querySelectorAll('script')].filter(
        (s) => !['application/ld+json', 'application/json'].includes(s.getAttribute('type') ?? ''),
      );
      // Ours: the "ended" script everywhere, search's module, the builder's module and embed.js,
      // the newsroom's copy buttons (their words are data, not script).
      const builder = /\/(osadz|embed-builder)\/$/.test(pagePath);
      expect(scripts.length, pagePath).toBeLessThanOrEqual(builder ? 3 : 2);
      expect(page.title, pagePath).toContain(HOSTILE.siteName.slice(0, 20));
    }
  });

  test('the iframe embeds render it inert too', () => {
    const embeds = allPagePaths(build.outDir, { embeds: true }).filter((pagePath) => pagePath.startsWith('/embed/'));
    expect(embeds.length).toBeGreaterThan(5);
    for (const pagePath of embeds) {
      const page = readPage(build.outDir, pagePath);
      for (const element of page.querySelectorAll('*')) {
        expect(
          element.getAttributeNames().filter((name: string) => name.startsWith('on')),
          pagePath,
        ).toEqual([]);
        expect(element.getAttribute('href') ?? '', pagePath).not.toMatch(/^\s*javascript:/i);
      }
      expect(page.querySelectorAll('img, iframe, svg, object, embed').length, pagePath).toBe(0);
      expect(page.querySelectorAll('style')).toHaveLength(1);
    }
  });

  test('the notice page shows the hostile title as text and the 100 KB body in full', () => {
    const page = readPage(build.outDir, `/komunikaty/${HOSTILE_SLUG}/`);
    expect(page.querySelector('h1')?.textContent).toBe(HOSTILE.title);
    expect(page.querySelector('.body')?.textContent?.length).toBeGreaterThan(100_000);
    expect(page.querySelector('.body a')?.getAttribute('href')).toBe(HOSTILE.url);
  });

  test('JSON-LD stays one valid script whose data is exactly the content', () => {
    const html = readFileSync(fileOf(build.outDir, `/komunikaty/${HOSTILE_SLUG}/`), 'utf8');
    const page = readPage(build.outDir, `/komunikaty/${HOSTILE_SLUG}/`);
    const scripts = page.querySelectorAll('script[type="application/ld+json"]');
    expect(scripts).toHaveLength(1);
    const data = JSON.parse(scripts[0]?.textContent ?? '');
    expect(data.name).toBe(HOSTILE.title);
    expect(data.text).toBe(HOSTILE.summary);
    // The raw JSON-LD text never contains a "<": nothing in it can close the element.
    const raw = html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)?.[1] ?? '';
    expect(raw).not.toContain('<');
  });

  test('every feed stays well-formed and parseable, CAP stays valid, and nothing in them is executable', async () => {
    const files = (readdirSync(build.outDir, { recursive: true }) as string[]).filter(
      (file) => /\.(xml|atom|json|ics)$/.test(file) && !file.startsWith('pagefind'),
    );
    expect(files.length).toBeGreaterThan(30);
    for (const file of files) {
      const body = readFileSync(path.join(build.outDir, file), 'utf8');
      if (file.endsWith('.json')) {
        const feed = JSON.parse(body);
        for (const item of feed.items ?? []) {
          const html = parseHTML(`<body>${item.content_html}</body>`).document;
          expect(html.querySelectorAll('script, img, iframe, svg, style').length, file).toBe(0);
          expect(item.title).toContain(HOSTILE.title);
        }
      } else if (file.endsWith('.ics')) {
        expect(() => ICAL.parse(body), file).not.toThrow();
      } else {
        const schema = file.startsWith('cap/') && file.endsWith('.xml') ? CAP_XSD : undefined;
        const result = await xmllint(body, 'file.xml', schema);
        expect(
          result.errors.map((error) => error.message),
          file,
        ).toEqual([]);
        for (const encoded of [
          ...(parseXmlStrict(body, file).getElementsByTagNameNS('*', 'encoded') as unknown as Iterable<Element>),
        ]) {
          const html = parseHTML(`<body>${encoded.textContent}</body>`).document;
          expect(html.querySelectorAll('script, img, iframe, svg, style').length, file).toBe(0);
          for (const element of html.querySelectorAll('*')) {
            expect(
              element.getAttributeNames().filter((name: string) => name.startsWith('on')),
              file,
            ).toEqual([]);
            expect(element.getAttribute('href') ?? '', file).not.toMatch(/^\s*javascript:/i);
          }
        }
      }
    }
  });

  describe.skipIf(!hasChromium)('in Chromium', () => {
    test('no page runs injected code: no dialog, no error, the title reads as written', async () => {
      if (!browser || !server) throw new Error('the hostile site did not build');
      const context = await browser.newContext();
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('dialog', (dialog) => {
        problems.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(message.text());
      });
      for (const pagePath of allPagePaths(build.outDir)) {
        await page.goto(`${server?.url}${pagePath}`);
      }
      await page.goto(`${server.url}/komunikaty/${HOSTILE_SLUG}/`);
      expect(await page.locator('h1').textContent()).toBe(HOSTILE.title);
      expect(await page.locator('h1').isVisible()).toBe(true);
      expect(problems).toEqual([]);
      await context.close();
    });
  });
});
