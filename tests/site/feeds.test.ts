import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  addDays,
  CATEGORIES,
  LOCALES,
  loadSnapshot,
  localDateAt,
  noticeStatus,
  zonedTimeToInstant,
} from '@tablica/shared';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, test } from 'vitest';
import { changedFeeds, feedFilesOf } from '../../site/publisher/websub.ts';
import { readWithIcalJs, readWithNodeIcal } from '../../site/src/lib/outputs/calendar-readers.ts';
import { demoSnapshotRaw } from '../fixtures/demo-snapshot.ts';
import { allPagePaths, fileOf, pageExists, readPage, text } from '../support/html.ts';
import { buildSiteFromSnapshot, type SiteBuild } from '../support/site-build.ts';
import { CAP_XSD, childText, parseXmlStrict, xmllint } from '../support/xml.ts';

const now = new Date();
const LIFTED = 'zamkniecie-plywalni-przedluzone';
const BASE = 'https://tablica.example.org';

/** The demo, with one notice lifted an hour ago (a published change: its revision rises). */
function snapshotWithLiftedNotice() {
  const raw = demoSnapshotRaw();
  for (const notice of raw.notices.filter((entry) => entry.slug === LIFTED)) {
    notice.liftedAt = new Date(now.getTime() - 3_600_000).toISOString();
    notice.revision = Number(notice.revision ?? 1) + 1;
  }
  return raw;
}

const raw = snapshotWithLiftedNotice();
const snapshot = loadSnapshot(structuredClone(raw), { now });
const read = (site: string, urlPath: string) => readFileSync(fileOf(site, urlPath), 'utf8');
const itemsOf = (xml: Document) => [...(xml.getElementsByTagName('item') as unknown as Iterable<Element>)];

describe('feeds', () => {
  let build: SiteBuild;
  let site: string;

  beforeAll(async () => {
    build = await buildSiteFromSnapshot(raw, { TABLICA_NOW: now.toISOString() });
    site = build.outDir;
    if (!build.ok) throw new Error(build.output);
  });

  const rssPaths = () =>
    [
      ...LOCALES.map((locale) => (locale === 'pl' ? '/rss.xml' : `/${locale}/rss.xml`)),
      ...snapshot.institutions.map((institution) => `/instytucje/${institution.slug}/rss.xml`),
      ...CATEGORIES.map((category) => `/kategorie/${category}/rss.xml`),
    ] as string[];

  test('every RSS feed is well-formed RSS 2.0 with absolute links, atom:link self and a guid per item', async () => {
    for (const feedPath of rssPaths()) {
      const body = read(site, feedPath);
      expect((await xmllint(body, 'feed.xml')).valid, feedPath).toBe(true);
      const xml = parseXmlStrict(body, feedPath);
      expect(xml.documentElement.getAttribute('version')).toBe('2.0');
      const self = xml.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'link')[0];
      expect(self?.getAttribute('rel')).toBe('self');
      expect(self?.getAttribute('href')).toBe(`${BASE}${feedPath}`);
      const guids = itemsOf(xml).map((item) => childText(item, 'guid'));
      expect(new Set(guids).size).toBe(guids.length);
      for (const item of itemsOf(xml)) {
        expect(childText(item, 'link')).toMatch(/^https:\/\//);
        expect(item.getElementsByTagName('guid')[0]?.getAttribute('isPermaLink')).toBe('false');
      }
    }
    expect(Buffer.byteLength(read(site, '/rss.xml'))).toBeLessThan(100 * 1024);
  });

  test('feed items agree with the pages: title, period in words, status; drafts and old notices are absent', () => {
    const xml = parseXmlStrict(read(site, '/rss.xml'));
    const items = itemsOf(xml);
    const polish = snapshot.notices.filter((notice) => notice.locale === 'pl');
    const expected = polish.filter(
      (notice) =>
        noticeStatus(notice, now) !== 'expired' ||
        now.getTime() - (notice.liftedAt ?? notice.effectiveUntil ?? now).getTime() < 30 * 86_400_000,
    );
    expect(new Set(items.map((item) => childText(item, 'link')))).toEqual(
      new Set(expected.map((notice) => `${BASE}/komunikaty/${notice.slug}/`)),
    );
    for (const item of items) {
      const link = childText(item, 'link') ?? '';
      const page = readPage(site, new URL(link).pathname);
      const title = childText(item, 'title') ?? '';
      expect(title.endsWith(text(page.querySelector('h1')))).toBe(true);
      const encoded =
        item.getElementsByTagNameNS('http://purl.org/rss/1.0/modules/content/', 'encoded')[0]?.textContent ?? '';
      const period = text(page.querySelector('.period')).replace(/^[^:]*:\s*/, '');
      expect(encoded).toContain(period);
      expect(encoded).not.toMatch(/<script|onerror|javascript:/i);
    }
  });

  test('an update reaches subscribers: the lifted notice has a new guid and says so in its title', () => {
    const items = itemsOf(parseXmlStrict(read(site, '/rss.xml')));
    const lifted = items.find((item) => childText(item, 'link')?.includes(LIFTED));
    const revision = snapshot.notices.find((notice) => notice.slug === LIFTED)?.revision;
    expect(childText(lifted as Element, 'guid')).toBe(`${BASE}/komunikaty/${LIFTED}/#v${revision}`);
    expect(childText(lifted as Element, 'title')).toMatch(/^Odwołano: /);
  });

  test('one instant per version: RSS, JSON Feed and CAP date an item alike (when that version was sent)', () => {
    let compared = 0;
    for (const locale of LOCALES) {
      const prefix = locale === 'pl' ? '/' : `/${locale}/`;
      const rss = parseXmlStrict(read(site, `${prefix}rss.xml`));
      const json = JSON.parse(read(site, `${prefix}feed.json`));
      for (const item of itemsOf(rss)) {
        const twin = json.items.find((entry: { id: string }) => entry.id === childText(item, 'guid'));
        expect(twin, childText(item, 'guid')).toBeDefined();
        expect(new Date(childText(item, 'pubDate') ?? '').getTime()).toBe(new Date(twin.date_published).getTime());
        if (locale !== 'pl') continue;
        const [, , slug] = new URL(twin.url).pathname.split('/');
        const cap = read(site, `/cap/${slug}/v${twin.id.split('#v')[1]}.xml`);
        expect(new Date(childText(parseXmlStrict(cap), 'sent') ?? '').getTime()).toBe(
          new Date(twin.date_published).getTime(),
        );
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(3);
    // The water outage's second version was sent at 09:30, not when the notice was first published (06:15).
    const outage = JSON.parse(read(site, '/feed.json')).items.find((item: { id: string }) =>
      item.id.endsWith('awaria-wodociagu-ul-lipowa/#v2'),
    );
    expect(outage.date_published).toBe(
      zonedTimeToInstant(addDays(localDateAt(now, 'Europe/Warsaw'), -1), '09:30', 'Europe/Warsaw').toISOString(),
    );
  });

  test('JSON Feed 1.1 with the structured notice in _tablica', () => {
    for (const feedPath of [
      '/feed.json',
      '/en/feed.json',
      '/uk/feed.json',
      ...snapshot.institutions.map((i) => `/instytucje/${i.slug}/feed.json`),
      // Every feed has both forms: a category's JSON Feed sits beside its RSS.
      ...CATEGORIES.map((category) => `/kategorie/${category}/feed.json`),
    ]) {
      const feed = JSON.parse(read(site, feedPath));
      expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
      expect(feed.feed_url).toBe(`${BASE}${feedPath}`);
      for (const item of feed.items) {
        expect(typeof item.id).toBe('string');
        expect(item.url).toMatch(/^https:\/\//);
        expect(Number.isNaN(Date.parse(item.date_modified))).toBe(false);
        const notice = snapshot.notices.find(
          (entry) => entry.slug === item._tablica.slug && entry.locale === item.language,
        );
        expect(notice, item.id).toBeDefined();
        if (!notice) continue;
        expect(item._tablica.period.from).toBe(notice.effectiveFrom.toISOString());
        expect(item._tablica.suspensions.map((s: { facility: string }) => s.facility)).toEqual(
          notice.suspensions.map((s) => s.facility),
        );
        expect(item._tablica.channels.map((c: { value: string }) => c.value)).toEqual(
          notice.channels.map((c) => c.value),
        );
        expect(item._tablica.procedures).toHaveLength(notice.procedures.length);
        expect(item._tablica.status).toBe(noticeStatus(notice, now));
        const page = readPage(site, new URL(item.url).pathname);
        expect(page.querySelector('.notice-header .status')?.getAttribute('data-state')).toBe(item._tablica.status);
        expect(item.title.endsWith(text(page.querySelector('h1')))).toBe(true);
      }
    }
  });

  test('calendars as subscribers see them, read by two independent parsers (ical.js, node-ical)', () => {
    const zone = 'Europe/Warsaw';
    const today = localDateAt(now, zone);
    const horizon = new Date(now.getTime() + 60 * 86_400_000);
    const from = new Date(now.getTime() - 60 * 86_400_000);
    const subscriberSees = (calendarPath: string) => {
      const body = read(site, calendarPath);
      const byIcalJs = readWithIcalJs(body, from, horizon);
      expect(readWithNodeIcal(body, from, horizon), calendarPath).toEqual(byIcalJs);
      return byIcalJs;
    };
    for (const notice of snapshot.notices.filter((entry) => entry.locale === 'pl')) {
      const calendar = new ICAL.Component(ICAL.parse(read(site, `/calendar/${notice.slug}.ics`)));
      const replaced = snapshot.notices.some((other) => other.supersedes === notice.slug);
      for (const event of calendar.getAllSubcomponents('vevent')) {
        expect(event.getFirstPropertyValue('uid')).toMatch(new RegExp(`^${notice.slug}-\\d+@tablica\\.example\\.org$`));
        expect(Number(event.getFirstPropertyValue('sequence'))).toBe(notice.revision + (replaced ? 1 : 0));
      }
      subscriberSees(`/calendar/${notice.slug}.ics`);
    }

    // A water shut-off with hours keeps them: from 06:00 yesterday, in Warsaw.
    const [shutOff] = subscriberSees('/calendar/awaria-wodociagu-ul-lipowa.ics');
    expect(shutOff).toMatchObject({ allDay: false, status: 'CONFIRMED' });
    expect(shutOff?.start).toBe(zonedTimeToInstant(addDays(today, -1), '06:00', zone).toISOString());

    // A branch closed until further notice is closed today, and still in a month.
    const library = subscriberSees('/calendar/filia-biblioteki-nr-3-zamknieta.ics').map(({ start }) => start);
    expect(library).toContain(today);
    expect(library).toContain(addDays(today, 30));

    // The pool: the old closure is cancelled (its extension says it all, from the same day); the
    // extension, lifted an hour ago, ends with the day of the lifting (yesterday, when this runs
    // in the first hour after midnight in Warsaw — a CI run at 00:14 failed on "today").
    const pool = subscriberSees('/calendar/institution/mosir-brzozow.ics');
    expect(
      pool.filter(({ uid }) => uid.startsWith('zamkniecie-plywalni-miejskiej-')).map(({ status }) => status),
    ).toEqual(['CANCELLED']);
    const liftedOn = localDateAt(new Date(now.getTime() - 3_600_000), zone);
    expect(pool.filter(({ uid }) => uid.startsWith(`${LIFTED}-`))).toEqual([
      expect.objectContaining({ status: 'CONFIRMED', end: addDays(liftedOn, 1) }),
    ]);

    // An institution with nothing current: a valid calendar with its time zone and no events.
    const quiet = read(site, '/calendar/institution/mops-czestochowa.ics');
    expect(new ICAL.Component(ICAL.parse(quiet)).getAllSubcomponents('vtimezone')).toHaveLength(1);
    expect(subscriberSees('/calendar/institution/mops-czestochowa.ics')).toEqual([]);
  });

  test('every CAP message validates against the official CAP 1.2 schema and says Alert, Update or Cancel', async () => {
    const index = parseXmlStrict(read(site, '/cap/index.atom'), 'CAP index');
    const links = [...(index.getElementsByTagName('link') as unknown as Iterable<Element>)]
      .filter((link) => link.getAttribute('type') === 'application/cap+xml')
      .map((link) => new URL(link.getAttribute('href') ?? '').pathname);
    expect(links.length).toBeGreaterThan(3);
    for (const capPath of links) {
      const body = read(site, capPath);
      const result = await xmllint(body, 'alert.xml', CAP_XSD);
      expect(
        result.errors.map((error) => error.message),
        capPath,
      ).toEqual([]);
      expect(result.valid).toBe(true);
      const alert = parseXmlStrict(body, capPath);
      const slug = capPath.split('/')[2] ?? '';
      const original = snapshot.notices.find((notice) => notice.slug === slug && notice.locale === 'pl');
      const expectedType = original?.liftedAt
        ? 'Cancel'
        : (original?.revision ?? 1) > 1 || original?.supersedes
          ? 'Update'
          : 'Alert';
      expect(childText(alert, 'msgType'), capPath).toBe(expectedType);
      for (const info of [...(alert.getElementsByTagName('info') as unknown as Iterable<Element>)]) {
        expect((childText(info, 'event') ?? '').length).toBeLessThan(35);
      }
      expect(alert.getElementsByTagName('info').length).toBe(
        snapshot.notices.filter((notice) => notice.slug === slug).length,
      );
      if (original?.supersedes) expect(childText(alert, 'references')).toContain(`:${original.supersedes}:v`);
    }
  });

  test('every Update and Cancel names the messages it follows, and each named message is there as it was sent', async () => {
    const capDirectory = path.join(site, 'cap');
    const files = readdirSync(capDirectory, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.xml'))
      .map((file) => `/cap/${file}`);
    const messages = new Map(files.map((file) => [file, parseXmlStrict(read(site, file), file)]));
    for (const file of files) expect((await xmllint(read(site, file), 'alert.xml', CAP_XSD)).valid, file).toBe(true);
    let named = 0;
    for (const [file, alert] of messages) {
      for (const reference of (childText(alert, 'references') ?? '').split(' ').filter(Boolean)) {
        const [sender, identifier, sent] = reference.split(',');
        const [, , , slug, version] = (identifier ?? '').split(':');
        const target = messages.get(`/cap/${slug}/${version}.xml`);
        expect(target, `${file} names ${identifier}`).toBeDefined();
        expect(childText(target as Document, 'identifier')).toBe(identifier);
        expect(childText(target as Document, 'sender')).toBe(sender);
        expect(childText(target as Document, 'sent')).toBe(sent);
        named += 1;
      }
    }
    expect(named).toBeGreaterThanOrEqual(2);
    // The water outage was announced at 06:15 with one tanker, updated at 09:30 with a second one.
    const update = messages.get('/cap/awaria-wodociagu-ul-lipowa/v2.xml') as Document;
    const first = messages.get('/cap/awaria-wodociagu-ul-lipowa/v1.xml') as Document;
    expect(childText(update, 'msgType')).toBe('Update');
    expect(childText(update, 'references')).toContain(`,${childText(first, 'identifier')},${childText(first, 'sent')}`);
    expect(childText(first, 'msgType')).toBe('Alert');
    expect(childText(first, 'description')).toContain('Beczkowóz stoi przy szkole nr 2.');
    expect(childText(update, 'description')).toContain('Beczkowozy stoją przy szkole nr 2 i przy kościele.');
  });

  test('the CAP index lists what is in effect now: nothing expired or replaced, newest sent first', () => {
    const index = parseXmlStrict(read(site, '/cap/index.atom'), 'CAP index');
    const entries = [...(index.getElementsByTagName('entry') as unknown as Iterable<Element>)].map((entry) => {
      const href = entry.getElementsByTagName('link')[0]?.getAttribute('href') ?? '';
      const alert = parseXmlStrict(read(site, new URL(href).pathname), href);
      return { updated: childText(entry, 'updated') ?? '', sent: childText(alert, 'sent') ?? '', alert };
    });
    expect(entries.length).toBeGreaterThan(3);
    const sent = entries.map((entry) => new Date(entry.sent).getTime());
    expect(sent).toEqual([...sent].sort((a, b) => b - a));
    for (const { alert, updated, sent: sentText } of entries) {
      expect(new Date(updated).getTime()).toBe(new Date(sentText).getTime());
      for (const expires of [...(alert.getElementsByTagName('expires') as unknown as Iterable<Element>)]) {
        expect(new Date(expires.textContent ?? '').getTime()).toBeGreaterThan(now.getTime());
      }
    }
    // The old pool closure ended four days ago and was replaced by its extension: not listed.
    expect(read(site, '/cap/index.atom')).not.toContain(':zamkniecie-plywalni-miejskiej:');
  });

  test('WebSub is told of every feed the site has: the publisher names them all without walking the build', () => {
    // The publisher looks them up where the outputs manifest puts them (websub.ts); a feed added
    // anywhere else would never reach the hubs.
    const walked = readdirSync(site, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && /^(rss\.xml|feed\.json|index\.atom)$/.test(entry.name))
      .map((entry) => path.relative(site, path.join(entry.parentPath, entry.name)))
      .sort();
    expect(walked.length).toBeGreaterThan(2 * (LOCALES.length + CATEGORIES.length));
    expect(feedFilesOf(site).sort()).toEqual(walked);
    expect(changedFeeds(undefined, site)).toEqual(walked.map((file) => `/${file}`));
  });

  test('pages announce the feeds (autodiscovery) and robots.txt names the sitemap', () => {
    for (const pagePath of allPagePaths(site).filter((p) => p !== '/404.html')) {
      const page = readPage(site, pagePath);
      const types = [...page.querySelectorAll('link[rel="alternate"][type]')].map((link) => link.getAttribute('type'));
      expect(types, pagePath).toContain('application/rss+xml');
      expect(types, pagePath).toContain('application/feed+json');
    }
    expect(read(site, '/robots.txt')).toContain(`Sitemap: ${BASE}/sitemap.xml`);
    expect(pageExists(site, '/sitemap.xml')).toBe(true);
  });
});
