import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { channelHref, LOCALES, type Locale } from '@tablica/shared';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { ENDED_SCRIPT } from '../../site/src/lib/ended-script.ts';
import { allPagePaths, fileOf, pageExists, parseXml, readPage, text } from '../support/html.ts';
import { demoSnapshot, polishOriginals, withStatus } from './demo-content.ts';

const site = inject('demoSite');
const snapshot = demoSnapshot();
const MOPS = 'mops-czestochowa-koronawirus-zmiany-2020';
const noticePath = (slug: string, locale: Locale) =>
  locale === 'pl' ? `/komunikaty/${slug}/` : `/${locale}/notices/${slug}/`;
const homePath = (locale: Locale) => (locale === 'pl' ? '/' : `/${locale}/`);
const linkedSlugs = (document: Document, selector: string) =>
  [...document.querySelectorAll(`${selector} a[href*="/notices/"], ${selector} a[href*="/komunikaty/"]`)].map((link) =>
    link.getAttribute('href')?.split('/').at(-2),
  );

describe('link previews (Open Graph, X cards)', () => {
  test('every page names a 1200×630 PNG card that exists, with its alt text; notices show their institution’s', () => {
    const seen = new Map<string, string>();
    for (const pagePath of allPagePaths(site).filter((p) => p !== '/404.html')) {
      const page = readPage(site, pagePath);
      const meta = (name: string) =>
        page.querySelector(`meta[property="${name}"], meta[name="${name}"]`)?.getAttribute('content') ?? '';
      expect(meta('twitter:card'), pagePath).toBe('summary_large_image');
      expect(meta('og:image:alt'), pagePath).not.toBe('');
      const image = meta('og:image');
      expect(image, pagePath).toMatch(/^https:\/\/tablica\.example\.org\/og\/.+\.png$/);
      const png = readFileSync(fileOf(site, new URL(image).pathname));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], image).toEqual([1200, 630]);
      seen.set(pagePath, new URL(image).pathname);
    }
    expect(seen.get(noticePath('awaria-wodociagu-ul-lipowa', 'pl'))).toBe('/og/instytucje/pwik-brzozow.png');
    expect(seen.get('/instytucje/mops-czestochowa/')).toBe('/og/instytucje/mops-czestochowa.png');
    expect(seen.get('/')).toBe('/og/site.png');
    const pool = readFileSync(fileOf(site, '/og/instytucje/mosir-brzozow.png'));
    expect(pool.equals(readFileSync(fileOf(site, '/og/instytucje/pwik-brzozow.png')))).toBe(false);
  });
});

describe('small things residents and printers see', () => {
  test('an advisory heading reads "Uwaga: Przegotuj wodę", with no space before the colon', () => {
    const heading = readPage(site, noticePath('awaria-wodociagu-ul-lipowa', 'pl')).querySelector('.advisory-title');
    expect(heading?.textContent?.trim()).toBe('Uwaga: Przegotuj wodę');
  });

  test('the archive sends a reader of a replaced notice on to the notice that replaced it', () => {
    const card = [...readPage(site, '/archiwum/').querySelectorAll('.notice-card')].find((element) =>
      element.querySelector('a[href="/komunikaty/zamkniecie-plywalni-miejskiej/"]'),
    );
    expect(card, 'the old pool closure is in the archive').toBeDefined();
    expect(card?.querySelector('.replaced-by a')?.getAttribute('href')).toBe(
      '/komunikaty/zamkniecie-plywalni-przedluzone/',
    );
  });
});

describe('pages of the demo site', () => {
  test.each(LOCALES)(
    'each translation into %s has its page; lists there link untranslated notices to the Polish one, marked',
    (locale) => {
      const translated = new Set(snapshot.notices.filter((n) => n.locale === locale).map((n) => n.slug));
      for (const notice of snapshot.notices.filter((n) => n.locale === locale)) {
        const page = readPage(site, noticePath(notice.slug, locale));
        expect(page.documentElement.getAttribute('lang')).toBe(locale);
        expect(text(page.querySelector('h1'))).toBe(notice.title);
        expect(page.querySelectorAll('h1')).toHaveLength(1);
      }
      const home = readPage(site, homePath(locale));
      let fallbacksSeen = 0;
      for (const notice of polishOriginals(snapshot)) {
        if (translated.has(notice.slug)) continue;
        // Its address in this language answers with the original's key facts and the way to it.
        const stub = readPage(site, noticePath(notice.slug, locale));
        expect(stub.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
        expect(stub.querySelector(`a[href="${noticePath(notice.slug, 'pl')}"]`)).not.toBeNull();
        const link = home.querySelector(`main a[href="${noticePath(notice.slug, 'pl')}"]`);
        if (!link) continue; // not current: not on the home page
        fallbacksSeen++;
        expect(link.getAttribute('lang')).toBe('pl');
        if (link.closest('.notice-card')) expect(text(link.parentElement?.querySelector('.tag'))).not.toBe('');
      }
      if (locale !== 'pl') expect(fallbacksSeen).toBeGreaterThan(0);
    },
  );

  test('the Polish page of an untranslated notice says so in each missing language', () => {
    for (const notice of polishOriginals(snapshot)) {
      const languages = snapshot.notices.filter((n) => n.slug === notice.slug).map((n) => n.locale);
      const notes = [...readPage(site, noticePath(notice.slug, 'pl')).querySelectorAll('.fallback-note [lang]')];
      expect(new Set(notes.map((note) => note.getAttribute('lang')))).toEqual(
        new Set(LOCALES.filter((locale) => !languages.includes(locale))),
      );
      for (const note of notes) expect(text(note)).not.toBe('');
    }
  });

  test.each(LOCALES)(
    'home in %s lists active notices, urgent first, and upcoming ones apart; expired are not there',
    (locale) => {
      const page = readPage(site, homePath(locale));
      const active = linkedSlugs(page, '#active ~ .notice-list');
      const activeNotices = withStatus(snapshot, 'active');
      expect(new Set(active)).toEqual(new Set(activeNotices.map((notice) => notice.slug)));
      const urgentCount = activeNotices.filter((notice) => notice.severity === 'urgent').length;
      expect(urgentCount).toBeGreaterThan(0);
      const severities = active.map((slug) => activeNotices.find((notice) => notice.slug === slug)?.severity);
      expect(severities.slice(0, urgentCount)).toEqual(Array(urgentCount).fill('urgent'));
      expect(new Set(linkedSlugs(page, '#upcoming ~ .notice-list'))).toEqual(
        new Set(withStatus(snapshot, 'upcoming').map((notice) => notice.slug)),
      );
      const banner = linkedSlugs(page, '.urgent-banner');
      expect(banner).toEqual(
        activeNotices.filter((notice) => notice.severity === 'urgent').map((notice) => notice.slug),
      );
      for (const expired of withStatus(snapshot, 'expired'))
        expect(linkedSlugs(page, 'main')).not.toContain(expired.slug);
    },
  );

  test('the list of current notices has every notice in force, then every announced one', () => {
    const page = readPage(site, '/obowiazujace/');
    const slugs = linkedSlugs(page, 'main');
    const active = withStatus(snapshot, 'active').map((notice) => notice.slug);
    const upcoming = withStatus(snapshot, 'upcoming').map((notice) => notice.slug);
    expect(new Set(slugs.slice(0, active.length))).toEqual(new Set(active));
    expect(new Set(slugs.slice(active.length))).toEqual(new Set(upcoming));
  });

  test('the archive lists every expired notice and nothing else', () => {
    const page = readPage(site, '/archiwum/');
    expect(new Set(linkedSlugs(page, 'main .notice-card-title'))).toEqual(
      new Set(withStatus(snapshot, 'expired').map((n) => n.slug)),
    );
  });

  test('the MOPS 2020 notice page carries every part of the seed notice, in words', () => {
    const page = readPage(site, noticePath(MOPS, 'pl'));
    const mops = polishOriginals(snapshot).find((notice) => notice.slug === MOPS);
    if (!mops) throw new Error('demo lost the MOPS notice');
    expect(text(page.querySelector('.period'))).toContain('od 16 marca do 25 marca 2020 r.');
    expect(text(page.querySelector('.notice-header .status'))).toBe('Zakończony');
    const steps = page.querySelectorAll('ol.procedures > li');
    expect(steps).toHaveLength(8);
    expect(steps[2]?.querySelectorAll('ul > li')).toHaveLength(2);
    expect([...page.querySelectorAll('.suspension-facility')].map(text)).toEqual(
      mops.suspensions.map((suspension) => suspension.facility),
    );
    const hrefs = [...page.querySelectorAll('.channels a')].map((link) => link.getAttribute('href'));
    for (const channel of mops.channels) {
      const href = channelHref(channel);
      if (href) expect(hrefs).toContain(href);
    }
    expect(page.querySelectorAll('.advisory[role="note"]').length).toBe(mops.advisories.length);
    expect(page.querySelector('.body')).not.toBeNull();
    expect(text(page.querySelector('.meta'))).toContain('Opublikowano');
    // The form to print: its type and size as a resident on a phone needs them, not a MIME type.
    const attachment = [...page.querySelectorAll('#links ~ ul li, section[aria-labelledby="links"] li')].find((item) =>
      text(item).startsWith('Wniosek o zasiłek celowy'),
    );
    expect(text(attachment)).toBe('Wniosek o zasiłek celowy (formularz do wydruku) (PDF, 1 kB)');
    expect(page.querySelector(`a[href="/calendar/${MOPS}.ics"]`)).not.toBeNull();
    expect(readFileSync(fileOf(site, `/calendar/${MOPS}.ics`), 'utf8')).toMatch(/^BEGIN:VCALENDAR\r\n/);
  });

  test('a short number (the water emergency, 994) is a tap-to-call link as dialled', () => {
    const page = readPage(site, noticePath('awaria-wodociagu-ul-lipowa', 'pl'));
    const link = [...page.querySelectorAll('.channels a')].find((item) => item.getAttribute('href') === 'tel:994');
    expect(link && text(link)).toBe('994');
  });

  test('phone channels are tap-to-call links, e-mails mailto: links', () => {
    for (const notice of polishOriginals(snapshot)) {
      const page = readPage(site, noticePath(notice.slug, 'pl'));
      const hrefs = [...page.querySelectorAll('.channels a')].map((link) => link.getAttribute('href'));
      for (const channel of notice.channels.filter((c) => c.kind === 'phone' || c.kind === 'email')) {
        expect(hrefs).toContain(channelHref(channel));
      }
    }
  });

  test('JSON-LD is a parseable SpecialAnnouncement that agrees with the page', () => {
    for (const notice of snapshot.notices) {
      const page = readPage(site, noticePath(notice.slug, notice.locale));
      const scripts = page.querySelectorAll('script[type="application/ld+json"]');
      expect(scripts).toHaveLength(1);
      const data = JSON.parse(scripts[0]?.textContent ?? '');
      expect(data).toMatchObject({
        '@type': 'SpecialAnnouncement',
        name: notice.title,
        text: notice.summary,
        inLanguage: notice.locale,
      });
      // The same instants, written in the notice's local time ("…T00:00:00+01:00"), not UTC.
      expect(data.datePosted).toMatch(/[+-]\d{2}:\d{2}$/);
      expect(new Date(data.datePosted).getTime()).toBe(notice.publishedAt.getTime());
      if (notice.effectiveUntil) expect(new Date(data.expires).getTime()).toBe(notice.effectiveUntil.getTime());
    }
  });

  test('an update chain links both ways', () => {
    const [newer] = snapshot.notices.filter((notice) => notice.supersedes && notice.locale === 'pl');
    if (!newer?.supersedes) throw new Error('the demo has no update chain');
    expect(linkedSlugs(readPage(site, noticePath(newer.slug, 'pl')), '.chain')).toContain(newer.supersedes);
    expect(linkedSlugs(readPage(site, noticePath(newer.supersedes, 'pl')), '.chain')).toContain(newer.slug);
  });

  test('hreflang alternates and the language switcher follow the real translations', () => {
    for (const notice of polishOriginals(snapshot)) {
      const page = readPage(site, noticePath(notice.slug, 'pl'));
      const translations = snapshot.notices.filter((other) => other.slug === notice.slug).map((other) => other.locale);
      const alternates = [...page.querySelectorAll('link[rel="alternate"][hreflang]')]
        .map((link) => link.getAttribute('hreflang'))
        .filter((language) => language !== 'x-default');
      expect(new Set(alternates)).toEqual(new Set(translations));
      for (const locale of LOCALES.filter((language) => language !== 'pl')) {
        const link = page.querySelector(`.language-switcher a[hreflang="${locale}"]`);
        const expected = translations.includes(locale) ? noticePath(notice.slug, locale) : homePath(locale);
        expect(link?.getAttribute('href')).toBe(expected);
      }
    }
  });

  test('every page links the accessibility statement, has a skip link, one h1 and its language', () => {
    for (const path of allPagePaths(site)) {
      const page = readPage(site, path);
      const locale = page.documentElement.getAttribute('lang') as Locale;
      expect(LOCALES).toContain(locale);
      const statement = locale === 'pl' ? '/deklaracja-dostepnosci/' : `/${locale}/accessibility/`;
      expect(page.querySelector(`footer a[href="${statement}"]`), path).not.toBeNull();
      expect(page.querySelector('a.skip-link')?.getAttribute('href'), path).toBe('#main');
      expect(page.querySelector('main#main'), path).not.toBeNull();
      expect(page.querySelectorAll('h1'), path).toHaveLength(1);
    }
  });

  test('the accessibility statement carries the template fields from Site settings', () => {
    const page = readPage(site, '/deklaracja-dostepnosci/');
    const statement = snapshot.siteSettings.accessibilityStatement;
    expect(text(page.querySelector('#a11y-podmiot'))).toContain(statement.entityName);
    expect(page.querySelector('#a11y-data-publikacja')?.getAttribute('datetime')).toBe(statement.sitePublishedOn);
    expect(page.querySelector('#a11y-data-aktualizacja')?.getAttribute('datetime')).toBe(statement.siteUpdatedOn);
    expect(text(page.querySelector('#a11y-osoba'))).toBe(statement.contactName);
    expect(page.querySelector('#a11y-procedura')).not.toBeNull();
  });

  test('no client JavaScript but the small "ended" script, search on the search pages, the builder and the newsroom’s copy buttons on their own', () => {
    expect(new TextEncoder().encode(ENDED_SCRIPT).length).toBeLessThan(1024);
    for (const path of allPagePaths(site)) {
      const scripts = [...readPage(site, path).querySelectorAll('script')].filter(
        (script) => !['application/ld+json', 'application/json'].includes(script.getAttribute('type') ?? ''),
      );
      const isSearch = /\/(szukaj|search)\/$/.test(path);
      const isBuilder = /\/(osadz|embed-builder)\/$/.test(path);
      const isNewsroom = /\/(dla-mediow|newsroom)\/$/.test(path);
      const expected = isSearch || isNewsroom ? [false, true] : isBuilder ? [false, false, true] : [true];
      expect(
        scripts.map((script) => script.textContent === ENDED_SCRIPT),
        path,
      ).toEqual(expected);
      // Only the builder loads a script file: the widget, for its live preview.
      expect(
        scripts.filter((script) => script.hasAttribute('src')).map((script) => script.getAttribute('src')),
        path,
      ).toEqual(isBuilder ? ['/embed.js'] : []);
    }
  });

  test('a notice page fits 14 KB gzip, 30 KB with its CSS, and uses no web fonts', () => {
    for (const notice of snapshot.notices) {
      const file = fileOf(site, noticePath(notice.slug, notice.locale));
      const html = readFileSync(file);
      const page = readPage(site, noticePath(notice.slug, notice.locale));
      const css = [...page.querySelectorAll('link[rel="stylesheet"]')].map((link) =>
        readFileSync(fileOf(site, link.getAttribute('href') ?? '')),
      );
      const htmlBytes = gzipSync(html).length;
      const cssBytes = css.reduce((sum, sheet) => sum + gzipSync(sheet).length, 0);
      expect(htmlBytes, notice.slug).toBeLessThanOrEqual(14 * 1024);
      expect(htmlBytes + cssBytes, notice.slug).toBeLessThanOrEqual(30 * 1024);
      for (const sheet of css) expect(sheet.toString()).not.toMatch(/@font-face|url\(/);
    }
    expect(allPagePaths(site).length).toBeGreaterThan(0);
  });

  test('the sitemap lists every built page, notices with their translations as alternates', () => {
    const xml = parseXml(readFileSync(fileOf(site, '/sitemap.xml'), 'utf8'));
    const locations = [...xml.querySelectorAll('url > loc')].map((loc) => new URL(loc.textContent ?? '').pathname);
    expect(locations.length).toBeGreaterThan(20);
    for (const path of locations) expect(pageExists(site, path), path).toBe(true);
    const translatedPages = snapshot.notices.map((notice) => noticePath(notice.slug, notice.locale));
    const listedNotices = locations.filter((path) => /\/(notices|komunikaty)\//.test(path));
    expect(new Set(listedNotices)).toEqual(new Set(translatedPages));
  });

  test('the search index exists for each language', () => {
    const entry = JSON.parse(readFileSync(fileOf(site, '/pagefind/pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages).sort()).toEqual([...LOCALES].sort());
  });

  test('a 404 page exists, in Polish with a way home in every language', () => {
    const page = readPage(site, '/404.html');
    expect(text(page.querySelector('h1'))).toBe('Nie ma takiej strony');
    for (const locale of LOCALES) expect(page.querySelector(`main a[href="${homePath(locale)}"]`)).not.toBeNull();
  });
});

beforeAll(() => {
  if (!site) throw new Error('the demo site was not built (tests/site/global-setup.ts)');
});
