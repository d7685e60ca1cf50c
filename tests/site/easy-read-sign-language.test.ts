import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoSnapshotRaw } from '../fixtures/demo-snapshot.ts';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { fileOf, readPage, text } from '../support/html.ts';
import { buildSiteFromSnapshot, type SiteBuild } from '../support/site-build.ts';
import { type StaticServer, serveDirectory } from '../support/static-server.ts';

/**
 * Issue 17, item 8: a notice's easy-to-read text (ETR) and its video in Polish Sign Language (PJM),
 * as the 2019 accessibility act asks of public bodies. The demo's water failure has an ETR text;
 * here it also has an uploaded PJM video, and the pool's closure a link to one.
 */
const WITH_FILE = 'awaria-wodociagu-ul-lipowa';
const WITH_LINK = 'zamkniecie-plywalni-przedluzone';
const MEDIA = 'https://cms.tablica.example.org';
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const raw = demoSnapshotRaw();
for (const notice of raw.notices) {
  if (notice.slug === WITH_FILE && notice.locale === 'pl') {
    notice.signLanguageVideo = { kind: 'file', url: `${MEDIA}/uploads/komunikat_pjm.mp4`, mime: 'video/mp4' };
  }
  if (notice.slug === WITH_LINK && notice.locale === 'pl') {
    notice.signLanguageVideo = { kind: 'link', url: 'https://wideo.example.org/mosir/zamkniecie-plywalni-pjm' };
  }
}

describe('easy-to-read text and Polish Sign Language', () => {
  let build: SiteBuild;
  let browser: Browser | undefined;
  let server: StaticServer | undefined;

  beforeAll(async () => {
    build = await buildSiteFromSnapshot(raw);
    if (!build.ok) throw new Error(build.output);
    if (hasChromium) {
      server = await serveDirectory(build.outDir);
      browser = await launchChromium();
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the page shows the ETR text under "Tekst łatwy do czytania", one short sentence per paragraph, right after the key facts', () => {
    const page = readPage(build.outDir, `/komunikaty/${WITH_FILE}/`);
    const section = page.querySelector('#tekst-latwy');
    expect(text(section?.querySelector('h2'))).toBe('Tekst łatwy do czytania');
    const sentences = [...(section?.querySelectorAll('p') ?? [])].map((paragraph) => text(paragraph));
    expect(sentences[0]).toBe('Na ulicach Lipowej, Klonowej i Jesionowej nie ma wody.');
    expect(sentences).toHaveLength(7);
    // Before the details: a reader who needs it does not scroll past the whole notice.
    expect(page.querySelector('.notice-header')?.nextElementSibling?.id).toBe('tekst-latwy');
    // A notice without one has no empty heading.
    expect(readPage(build.outDir, `/komunikaty/${WITH_LINK}/`).querySelector('#tekst-latwy')).toBe(null);
  });

  test('an uploaded PJM video plays on the page (nothing loaded until asked), labelled, with a download; a linked one is a labelled link', () => {
    const page = readPage(build.outDir, `/komunikaty/${WITH_FILE}/`);
    const section = page.querySelector('#pjm');
    expect(text(section?.querySelector('h2'))).toBe('Komunikat w polskim języku migowym (PJM)');
    const video = section?.querySelector('video');
    expect(video?.hasAttribute('controls')).toBe(true);
    expect(video?.getAttribute('preload')).toBe('none');
    expect(video?.getAttribute('aria-describedby')).toBe('pjm-note');
    expect(text(page.querySelector('#pjm-note'))).toMatch(/przetłumaczony na polski język migowy/);
    expect(section?.querySelector('source')?.getAttribute('src')).toBe(`${MEDIA}/uploads/komunikat_pjm.mp4`);
    expect(section?.querySelector('source')?.getAttribute('type')).toBe('video/mp4');
    const linked = readPage(build.outDir, `/komunikaty/${WITH_LINK}/`).querySelector('#pjm');
    expect(linked?.querySelector('video')).toBe(null);
    expect(linked?.querySelector('a')?.getAttribute('href')).toBe(
      'https://wideo.example.org/mosir/zamkniecie-plywalni-pjm',
    );
    // The English page of the pool has no PJM video of its own: nothing is shown there.
    expect(readPage(build.outDir, `/en/notices/${WITH_LINK}/`).querySelector('#pjm')).toBe(null);
  });

  test('the security policy lets pages play videos from the CMS, and from nowhere else', () => {
    const policy = JSON.parse(readFileSync(fileOf(build.outDir, '/tablica-csp.json'), 'utf8')) as { media: string[] };
    expect(policy.media).toEqual([MEDIA]);
  });

  test('the single-notice widget links to the ETR text', () => {
    const widget = JSON.parse(readFileSync(fileOf(build.outDir, `/widget/notice/${WITH_FILE}.json`), 'utf8')) as {
      notices: { lang: string; easy?: string }[];
    };
    expect(widget.notices.find((notice) => notice.lang === 'pl')?.easy).toBe(
      `https://tablica.example.org/komunikaty/${WITH_FILE}/#tekst-latwy`,
    );
    // The Ukrainian version has no ETR text: no link.
    expect(widget.notices.find((notice) => notice.lang === 'uk')?.easy).toBeUndefined();
  });

  test.skipIf(!hasChromium)(
    'with both, the page stays WCAG 2.1 AA on a 375 px phone, light and dark, and the video fits the screen',
    async () => {
      if (!browser || !server) throw new Error('Chromium was found but did not start');
      const context = await browser.newContext({ viewport: { width: 375, height: 667 }, locale: 'pl-PL' });
      const page = await context.newPage();
      try {
        await page.goto(`${server.url}/komunikaty/${WITH_FILE}/`);
        const box = await page.locator('#pjm video').boundingBox();
        expect(box && box.width <= 375 && box.width > 300).toBe(true);
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme });
          const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
          expect(violations.map((violation) => `${colorScheme} ${violation.id}: ${violation.help}`)).toEqual([]);
        }
      } finally {
        await context.close();
      }
    },
  );
});
