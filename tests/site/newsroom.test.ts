import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isGsm7, LOCALES, type Locale } from '@tablica/shared';
import { parseHTML } from 'linkedom';
import type { Browser } from 'playwright-core';
import { SegmentedMessage } from 'sms-segments-calculator';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { NEWSROOM } from '../../site/src/lib/i18n/newsroom.ts';
import { outputPaths } from '../../site/src/lib/outputs/manifest.ts';
import { routes } from '../../site/src/lib/routes.ts';
import { hasChromium, launchChromium } from '../support/browser.ts';
import { type StaticServer, serveDirectory } from '../support/static-server.ts';

const site = inject('demoSite');
const fileOf = (urlPath: string) => path.join(site, urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath);
const documentOf = (urlPath: string) => parseHTML(readFileSync(fileOf(urlPath), 'utf8')).document;
const noticesOn = (locale: Locale) =>
  [...documentOf(routes.newsroom(locale)).querySelectorAll('article[data-notice]')].map(
    (article) => article.getAttribute('data-notice') ?? '',
  );

/** The blocks of a forms text file: heading, then "== title ==", the count line, the text. */
function blocksOf(text: string) {
  return text
    .split(/^== /m)
    .slice(1)
    .map((block) => {
      const [title = '', count = '', ...rest] = block.split('\n');
      return { title: title.replace(/ ==$/, ''), count, text: rest.join('\n').trim() };
    });
}

describe('the newsroom page and the forms’ text files, as a radio desk finds them', () => {
  test('each language lists its current notices (not the archive, not a replaced one), each in seven forms', () => {
    const polish = noticesOn('pl');
    expect(polish).toContain('awaria-wodociagu-ul-lipowa');
    expect(polish).toContain('zamkniecie-plywalni-przedluzone');
    // Ended years ago, and replaced by its extension: nothing for a desk to read out.
    expect(polish).not.toContain('mops-czestochowa-koronawirus-zmiany-2020');
    expect(polish).not.toContain('zamkniecie-plywalni-miejskiej');
    expect(noticesOn('uk')).toEqual(['awaria-wodociagu-ul-lipowa']);
    for (const locale of LOCALES) {
      const document = documentOf(routes.newsroom(locale));
      expect(document.querySelector('h1')?.textContent).toBe(NEWSROOM[locale].title);
      for (const article of document.querySelectorAll('article[data-notice]')) {
        const forms = [...article.querySelectorAll('[data-form]')].map((form) => form.getAttribute('data-form'));
        // A notice of a threat (the water outage) leads with the regulation's warning message.
        const threat = article.getAttribute('data-notice') === 'awaria-wodociagu-ul-lipowa';
        expect(forms).toEqual([
          ...(threat ? ['warning'] : []),
          ...['banner', 'sms1', 'sms306', 'sms', 'radio30', 'radio', 'social'],
        ]);
        expect(article.querySelectorAll('button[data-copy]')).toHaveLength(forms.length);
      }
    }
  });

  test('every page’s footer leads to it, in the page’s language', () => {
    for (const locale of LOCALES) {
      const links = [...documentOf(routes.home(locale)).querySelectorAll('footer a')].map((a) =>
        a.getAttribute('href'),
      );
      expect(links).toContain(routes.newsroom(locale));
    }
  });

  test('radio.txt: both scripts with their reading times, dates and phones in words, no address to misread', () => {
    const text = readFileSync(fileOf(outputPaths.broadcastText('awaria-wodociagu-ul-lipowa', 'pl', 'radio')), 'utf8');
    const [short, full] = blocksOf(text);
    expect(short?.title).toBe('Skrypt radiowy do 30 sekund');
    const seconds = Number(/ok\. (\d+) s/.exec(short?.count ?? '')?.[1]);
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(30);
    expect(short?.text.split('\n')[0]).toBe('Przedsiębiorstwo Wodociągów i Kanalizacji w Brzozowie Śląskim informuje.');
    expect(full?.text).toMatch(/Komunikat obowiązuje od godziny szóstej \p{L}+ \p{L}+ do \p{L}+/u);
    expect(full?.text).toContain('telefon dziewięćset dziewięćdziesiąt cztery');
    expect(`${short?.text}\n${full?.text}`).not.toMatch(/https?:|\/\/|@|\d{1,2} (grudnia|stycznia|listopada)/);
  });

  test('sms.txt: GSM-7 texts within one segment and 306 characters, with the page’s short address, each count as an independent calculator gives it', () => {
    for (const locale of LOCALES) {
      for (const slug of noticesOn(locale)) {
        const text = readFileSync(fileOf(outputPaths.broadcastText(slug, locale, 'sms')), 'utf8');
        const [one, alert, original] = blocksOf(text);
        // The page's short address (tablica.example.org/k/<code>), which leads to the notice's page.
        const short = /tablica\.example\.org(\/k\/[0-9a-z]{6,})(?=\s|$)/.exec(one?.text ?? '')?.[1] ?? '';
        const redirect = readFileSync(fileOf(`${short}.html`), 'utf8');
        expect(redirect, `${locale} ${slug}`).toContain(
          `<meta http-equiv="refresh" content="0; url=${routes.notice(slug, locale)}">`,
        );
        for (const block of [one, alert]) {
          expect(isGsm7(block?.text ?? ''), `${locale} ${slug}`).toBe(true);
          expect(block?.text).toContain(`tablica.example.org${short}`);
        }
        expect(new SegmentedMessage(one?.text ?? '').segmentsCount).toBe(1);
        expect((alert?.text ?? '').length).toBeLessThanOrEqual(306);
        const theirs = new SegmentedMessage(original?.text ?? '');
        expect(original?.count).toContain(`${theirs.segmentsCount}`);
        expect(original?.count).toContain(theirs.encodingName);
      }
    }
  });

  test('warning.txt: the regulation’s five contents for a notice of a threat, and none for other notices', () => {
    const text = readFileSync(fileOf(outputPaths.broadcastText('awaria-wodociagu-ul-lipowa', 'pl', 'warning')), 'utf8');
    const lines = text.split('\n');
    expect(lines[0]).toBe('KOMUNIKAT OSTRZEGAWCZY');
    expect(text).toContain('Rodzaj zagrożenia: Awaria sieci wodociągowej');
    expect(text).toContain('Obszar: Brzozów Śląski: ulice Lipowa, Klonowa i Jesionowa');
    expect(text).toMatch(/Zalecenia — co robić: \n- /);
    expect(text).toMatch(/Przewidywany czas trwania: od \d+ \p{L}+ \d{4} r\. godz\. 6:00 do \d+ \p{L}+ \d{4} r\./u);
    expect(text).toContain('Inne informacje: ');
    expect(text).toContain(
      'Wydał: Przedsiębiorstwo Wodociągów i Kanalizacji w Brzozowie Śląskim, tel. +48 32 555 01 99',
    );
    expect(existsSync(fileOf(outputPaths.broadcastText('awaria-wodociagu-ul-lipowa', 'uk', 'warning')))).toBe(true);
    // A changed vaccination timetable is health news, not a threat; a library closure neither.
    for (const slug of ['szczepienia-przeciw-grypie-zmiana-godzin', 'filia-biblioteki-nr-3-zamknieta']) {
      expect(existsSync(fileOf(outputPaths.broadcastText(slug, 'pl', 'warning')))).toBe(false);
    }
  });

  test('an ended notice has no forms to download', () => {
    for (const form of ['radio', 'sms', 'warning'] as const) {
      expect(
        existsSync(fileOf(outputPaths.broadcastText('mops-czestochowa-koronawirus-zmiany-2020', 'pl', form))),
      ).toBe(false);
    }
  });
});

describe.skipIf(!hasChromium)('the newsroom page in Chromium on a 375 px phone', () => {
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

  test('“Kopiuj” puts exactly the SMS text in the clipboard and says so; nothing overflows the phone', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'pl-PL' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${server.url}${routes.newsroom('pl')}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    const form = page.locator('article[data-notice="awaria-wodociagu-ul-lipowa"] [data-form="sms306"]');
    const button = form.locator('button[data-copy]');
    expect(await button.textContent()).toContain('Kopiuj');
    await button.click();
    await expect.poll(async () => (await button.textContent())?.trim()).toBe('Skopiowano.');
    expect(await page.locator('#copy-status').textContent()).toBe('Skopiowano.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await form.locator('pre').textContent());
    expect(isGsm7(copied)).toBe(true);
    expect(copied).toMatch(/^PWiK Brzozow: Awaria sieci wodociagowej/);
    // The label comes back for the next copy.
    await expect.poll(async () => (await button.textContent())?.trim(), { timeout: 5_000 }).toBe('Kopiuj');
    expect(problems).toEqual([]);
    await context.close();
  });
});
