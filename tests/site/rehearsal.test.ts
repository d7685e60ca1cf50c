import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { isGsm7 } from '@tablica/shared';
import ICAL from 'ical.js';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoSnapshotRaw } from '../fixtures/demo-snapshot.ts';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { fileOf, readPage, text } from '../support/html.ts';
import { buildSiteFromSnapshot, type SiteBuild } from '../support/site-build.ts';
import { type StaticServer, serveDirectory } from '../support/static-server.ts';
import { CAP_XSD, childText, parseXmlStrict, xmllint } from '../support/xml.ts';

/**
 * Issue 17, item 7: an editor rehearses an emergency. The demo's urgent water failure (Polish and
 * Ukrainian, a threat, so it has a warning message) is an exercise; the library closure is a test.
 * Every output that names either says so, and nothing lists or counts them as real.
 */
const EXERCISE = 'awaria-wodociagu-ul-lipowa';
const TEST = 'filia-biblioteki-nr-3-zamknieta';
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** The labels each rehearsal carries, in every language and in GSM-7 (no diacritics). */
const LABELS: Record<string, string[]> = {
  [EXERCISE]: ['ĆWICZENIA', 'CWICZENIA', 'НАВЧАННЯ'],
  [TEST]: ['TEST', 'ТЕСТ'],
};

const snapshot = demoSnapshotRaw();
const rehearsalOf = (slug: string) => (slug === EXERCISE ? 'exercise' : slug === TEST ? 'test' : undefined);
for (const notice of snapshot.notices) {
  const status = rehearsalOf(notice.slug);
  if (!status) continue;
  notice.messageStatus = status;
  // Each recorded version was a rehearsal too (the CMS records the whole notice with every publication).
  for (const publication of (notice.publications ?? []) as { notice: Record<string, unknown> }[]) {
    publication.notice.messageStatus = status;
  }
}
const titles = snapshot.notices
  .filter((notice) => rehearsalOf(notice.slug))
  .map((notice) => ({ slug: notice.slug, title: String(notice.title) }));

function* filesUnder(directory: string): Generator<string> {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const file = path.join(directory, entry.name);
    if (entry.isDirectory()) yield* filesUnder(file);
    else yield file;
  }
}

describe('exercise and test notices', () => {
  let build: SiteBuild;
  let browser: Browser | undefined;
  let server: StaticServer | undefined;

  beforeAll(async () => {
    build = await buildSiteFromSnapshot(snapshot);
    if (hasChromium && build.ok) {
      server = await serveDirectory(build.outDir);
      browser = await launchChromium();
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('the site builds', () => {
    expect(build.output).toContain('Complete!');
    expect(build.ok).toBe(true);
  });

  test('wherever a page, feed, calendar, CAP message, widget or broadcast text names a rehearsal, its label comes first', () => {
    let checked = 0;
    const unmarked: string[] = [];
    for (const file of filesUnder(build.outDir)) {
      // The search index is compressed and read only by the search page, which shows the page's own title.
      if (!/\.(html|xml|json|ics|txt)$/.test(file) || file.includes(`${path.sep}pagefind${path.sep}`)) continue;
      const content = readFileSync(file, 'utf8');
      for (const { slug, title } of titles) {
        // A title's first words: a calendar folds long lines, an SMS drops diacritics.
        const start = title.slice(0, 20);
        for (let at = content.indexOf(start); at >= 0; at = content.indexOf(start, at + 1)) {
          checked += 1;
          // Said right before it, or opening the broadcast message it is part of (a few lines up).
          const broadcastText = file.endsWith('.txt') || /dla-mediow|newsroom/.test(file);
          const before = content.slice(Math.max(0, at - (broadcastText ? 200 : 80)), at);
          if (!LABELS[slug]?.some((label) => before.includes(label))) {
            unmarked.push(`${path.relative(build.outDir, file)}: …${before.slice(-60)}[${start}]`);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(unmarked).toEqual([]);
  });

  test('the notice page opens with the exercise line, in the language of the page', () => {
    const pl = readPage(build.outDir, `/komunikaty/${EXERCISE}/`);
    expect(text(pl.querySelector('.rehearsal-note'))).toBe('ĆWICZENIA To są ćwiczenia, a nie prawdziwy komunikat.');
    expect(text(pl.querySelector('h1'))).toMatch(/^ĆWICZENIA: Awaria sieci wodociągowej/);
    expect(text(pl.querySelector('title'))).toMatch(/^ĆWICZENIA: /);
    const uk = readPage(build.outDir, `/uk/notices/${EXERCISE}/`);
    expect(text(uk.querySelector('.rehearsal-note'))).toBe('НАВЧАННЯ Це навчання, а не справжнє повідомлення.');
    const test = readPage(build.outDir, `/komunikaty/${TEST}/`);
    expect(text(test.querySelector('.rehearsal-note'))).toBe('TEST To jest test, a nie prawdziwy komunikat.');
    // A real notice has none.
    expect(
      readPage(build.outDir, '/komunikaty/zamkniecie-plywalni-przedluzone/').querySelector('.rehearsal-note'),
    ).toBe(null);
  });

  test('lists put real notices first, and the home page does not count rehearsals as notices in force', () => {
    const current = readPage(build.outDir, '/obowiazujace/');
    const listed = [...current.querySelectorAll('.notice-card-title a')].map((link) => link.getAttribute('href'));
    const firstRehearsal = listed.findIndex((href) => href?.includes(EXERCISE) || href?.includes(TEST));
    const lastReal = listed.findLastIndex((href) => !(href?.includes(EXERCISE) || href?.includes(TEST)));
    expect(firstRehearsal).toBeGreaterThan(lastReal);
    // In force and announced: five notices of which two are rehearsals.
    const home = readPage(build.outDir, '/');
    expect(listed).toHaveLength(5);
    expect(text(home.querySelector(`.more-links a[href="/obowiazujace/"]`))).toMatch(/\(3\)$/);
    // The urgent bar still shows the urgent exercise, marked, so the rehearsal is seen as it would be.
    expect(text(home.querySelector('.urgent-banner li'))).toBe('ĆWICZENIA: Brak wody: ul. Lipowa');
  });

  test('CAP says Exercise or Test, with a note, and stays valid against the CAP 1.2 schema', async () => {
    for (const [slug, status, note] of [
      [EXERCISE, 'Exercise', 'To są ćwiczenia, a nie prawdziwy komunikat.'],
      [TEST, 'Test', 'To jest test, a nie prawdziwy komunikat.'],
    ] as const) {
      const file = fileOf(build.outDir, `/cap/${slug}/v1.xml`);
      const xml = readFileSync(file, 'utf8');
      const result = await xmllint(xml, file, CAP_XSD);
      expect(result.errors.map((error) => error.message)).toEqual([]);
      const alert = parseXmlStrict(xml, file);
      expect(childText(alert.documentElement, 'status')).toBe(status);
      expect(childText(alert.documentElement, 'note')).toBe(note);
      expect(childText(alert.documentElement, 'headline')).toMatch(new RegExp(`^${LABELS[slug]?.[0]}: `));
    }
    const real = parseXmlStrict(
      readFileSync(fileOf(build.outDir, '/cap/zamkniecie-plywalni-przedluzone/v1.xml'), 'utf8'),
    );
    expect(childText(real.documentElement, 'status')).toBe('Actual');
  });

  test('RSS titles, calendar summaries and widget data carry the label; widgets list real notices first', () => {
    const rss = parseXmlStrict(readFileSync(fileOf(build.outDir, '/rss.xml'), 'utf8'));
    const rssTitles = [...rss.getElementsByTagName('item')].map((item) => childText(item, 'title') ?? '');
    expect(rssTitles.filter((title) => title.includes('Awaria sieci wodociągowej'))).toEqual([
      expect.stringMatching(/^Aktualizacja: ĆWICZENIA: Awaria sieci wodociągowej/),
    ]);
    const json = JSON.parse(readFileSync(fileOf(build.outDir, '/feed.json'), 'utf8')) as {
      items: { title: string; _tablica: { slug: string; messageStatus: string } }[];
    };
    const jsonItem = json.items.find((item) => item._tablica.slug === EXERCISE);
    expect(jsonItem?.title).toMatch(/^Aktualizacja: ĆWICZENIA: /);
    expect(jsonItem?._tablica.messageStatus).toBe('exercise');
    // Read by an independent iCalendar parser.
    const calendar = new ICAL.Component(
      ICAL.parse(readFileSync(fileOf(build.outDir, `/calendar/${EXERCISE}.ics`), 'utf8')),
    );
    const summaries = calendar
      .getAllSubcomponents('vevent')
      .map((event) => String(event.getFirstPropertyValue('summary')));
    expect(summaries.length).toBeGreaterThan(0);
    for (const summary of summaries) expect(summary).toContain('ĆWICZENIA: Awaria sieci wodociągowej');
    const widget = JSON.parse(readFileSync(fileOf(build.outDir, '/widget/pl.json'), 'utf8')) as {
      notices: { slug: string; title: string; headline?: string }[];
    };
    const slugs = widget.notices.map((notice) => notice.slug);
    expect(slugs.slice(-2).toSorted()).toEqual([EXERCISE, TEST].toSorted());
    const exercise = widget.notices.find((notice) => notice.slug === EXERCISE);
    expect(exercise?.title).toMatch(/^ĆWICZENIA: /);
    expect(exercise?.headline).toBe('ĆWICZENIA: Brak wody: ul. Lipowa');
  });

  test('radio scripts and the warning message say it first and last; SMS lead with it in GSM-7', () => {
    for (const form of ['radio', 'warning']) {
      const body = readFileSync(fileOf(build.outDir, `/dla-mediow/${EXERCISE}/${form}.txt`), 'utf8');
      const sentence = 'To są ćwiczenia, a nie prawdziwy komunikat.';
      for (const message of body.split(/\n== .* ==\n/).slice(form === 'radio' ? 1 : 0)) {
        const lines = message.trim().split('\n');
        // The radio text's first line after its heading is the reading time.
        const first = form === 'radio' ? lines[2] : lines.find((line) => line.startsWith('ĆWICZENIA'));
        expect(first, form).toBe(`ĆWICZENIA. ${sentence}`);
        expect(lines.at(-1), form).toBe(sentence);
      }
    }
    const sms = readFileSync(fileOf(build.outDir, `/dla-mediow/${EXERCISE}/sms.txt`), 'utf8');
    const [oneSegment, alert] = sms.split(/\n== .* ==\n/).slice(1);
    for (const message of [oneSegment, alert]) {
      const textOnly = message?.trim().split('\n').slice(2).join('\n') ?? '';
      expect(textOnly).toMatch(/^CWICZENIA: PWiK Brzozow: /);
      expect(isGsm7(textOnly)).toBe(true);
    }
    expect(oneSegment).toMatch(/1 wiadomość SMS \(GSM-7\)/);
  });

  test.skipIf(!hasChromium)(
    'on a 375 px phone the exercise line is the first thing in the notice, and the page stays WCAG 2.1 AA',
    async () => {
      if (!browser || !server) throw new Error('Chromium was found but did not start');
      const context = await browser.newContext({ viewport: { width: 375, height: 667 }, locale: 'pl-PL' });
      const page = await context.newPage();
      try {
        await page.goto(`${server.url}/komunikaty/${EXERCISE}/`);
        const note = page.locator('.rehearsal-note');
        await expect.poll(() => note.isVisible()).toBe(true);
        const [noteBox, titleBox] = await Promise.all([note.boundingBox(), page.locator('h1').boundingBox()]);
        expect(noteBox && titleBox && noteBox.y < titleBox.y).toBe(true);
        expect((noteBox?.y ?? 999) + (noteBox?.height ?? 0)).toBeLessThan(667);
        const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
        expect(violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
        await page.emulateMedia({ colorScheme: 'dark' });
        const dark = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
        expect(dark.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
