import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { localDateAt } from '@tablica/shared';
import { DOMParser } from '@xmldom/xmldom';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootStrapi, createApiToken, type RunningStrapi } from '../../cms/test/helpers/boot-strapi.mts';
import { outputPaths } from '../../site/src/lib/outputs/manifest.ts';
import { routes } from '../../site/src/lib/routes.ts';
import { pageExists, readPage, text } from '../support/html.ts';
import { buildSite } from '../support/site-build.ts';

/**
 * The editor's story of issue 14, end to end: a notice "until the 25th" published, extended,
 * translated into Ukrainian and lifted — each step through the admin API the panel uses — and
 * after each step the site is built from that Strapi and read as residents and other programs
 * read it: the page, the RSS feed, the CAP message (an XML parser) and the calendar (ical.js,
 * an independent parser). Every output must say what the editor meant, and agree.
 */
const NOTICE = 'api::notice.notice';
const CM = `/content-manager/collection-types/${NOTICE}`;
const EDITOR = { email: 'redakcja@example.org', password: 'Redakcja-test-2026!' };
// Next year's March: in force on any day the test runs (from 16 March of this year).
const YEAR = new Date().getFullYear() + 1;
const SLUG = 'zamkniecie-punktu-pomocy-rodzinie';

let cms: RunningStrapi;
let adminToken = '';
let readToken = '';
let documentId = '';

interface Outputs {
  page: string;
  ukPage?: string;
  rssTitle: string;
  capType: string;
  capIdentifier: string;
  capReferences: string;
  capVersions: string[];
  sequence: number;
  status: string;
  lastDay: string;
}

/** Builds the site from the CMS as it is now and reads the notice in every output. */
async function outputs(): Promise<Outputs> {
  const build = await buildSite({ env: { STRAPI_URL: cms.url, STRAPI_TOKEN: readToken } });
  expect(build.ok, build.output).toBe(true);
  const file = (urlPath: string) => readFileSync(path.join(build.outDir, urlPath), 'utf8');
  const page = text(readPage(build.outDir, routes.notice(SLUG, 'pl')).querySelector('main'));
  const ukPath = routes.notice(SLUG, 'uk');
  const ukPage = pageExists(build.outDir, ukPath)
    ? text(readPage(build.outDir, ukPath).querySelector('main'))
    : undefined;
  const rss = new DOMParser().parseFromString(file(outputPaths.feed('pl').rss), 'text/xml');
  const item = [...rss.getElementsByTagName('item')].find((entry) =>
    entry.getElementsByTagName('link')[0]?.textContent?.includes(`/${SLUG}/`),
  );
  const capFiles = readFileSync(path.join(build.outDir, outputPaths.capIndex), 'utf8');
  const capPath = [...capFiles.matchAll(new RegExp(`/cap/${SLUG}/v(\\d+)\\.xml`, 'g'))]
    .map((match) => ({ path: match[0], version: Number(match[1]) }))
    .sort((a, b) => b.version - a.version)[0];
  const cap = new DOMParser().parseFromString(file(capPath?.path ?? 'missing'), 'text/xml');
  const calendar = new ICAL.Component(ICAL.parse(file(outputPaths.noticeCalendar(SLUG))));
  const event = calendar.getFirstSubcomponent('vevent');
  const end = event?.getFirstPropertyValue('dtend') as ICAL.Time;
  const lastDay = end.clone();
  lastDay.adjust(-1, 0, 0, 0);
  return {
    page,
    ukPage,
    rssTitle: item?.getElementsByTagName('title')[0]?.textContent ?? '(not in the feed)',
    capType: cap.getElementsByTagName('msgType')[0]?.textContent ?? '',
    capIdentifier: cap.getElementsByTagName('identifier')[0]?.textContent ?? '',
    capReferences: cap.getElementsByTagName('references')[0]?.textContent ?? '',
    /** Every CAP message of the notice still served, by version. */
    capVersions: readdirSync(path.join(build.outDir, 'cap', SLUG)).sort(),
    sequence: Number(event?.getFirstPropertyValue('sequence')),
    status: String(event?.getFirstPropertyValue('status')),
    lastDay: lastDay.toString(),
  };
}

/** A request of the admin panel, as the signed-in editor. */
async function admin<T = unknown>(urlPath: string, method: string, body?: unknown, token = adminToken) {
  const response = await fetch(`${cms.url}${urlPath}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, body: (text ? JSON.parse(text) : undefined) as T };
}

beforeAll(async () => {
  cms = await bootStrapi({ seedDemo: true, env: { ADMIN_EMAIL: EDITOR.email, ADMIN_PASSWORD: EDITOR.password } });
  adminToken = (await admin<{ data: { token: string } }>('/admin/login', 'POST', EDITOR, '')).body.data.token;
  readToken = await createApiToken(cms.strapi, 'read-only');
});
afterAll(async () => {
  await cms?.stop();
});

describe('an editor publishes, extends, translates and lifts a notice: every output agrees at each step', () => {
  let first: Outputs;
  let extended: Outputs;
  let translated: Outputs;

  it('"until 25 March", entered as a day: the page, RSS, CAP and the calendar say 25 March', async () => {
    const institution = await cms.strapi.db.query('api::institution.institution').findOne({ where: {} });
    const created = await admin<{ data: { documentId: string } }>(`${CM}?locale=pl`, 'POST', {
      title: 'Zamknięcie punktu pomocy rodzinie',
      slug: SLUG,
      summary: 'Punkt jest zamknięty. Sprawy załatwisz telefonicznie pod numerem 34 370 82 00.',
      institution: institution.documentId,
      category: 'closure',
      severity: 'important',
      effectiveFromDate: '2026-03-16',
      effectiveUntilDate: `${YEAR}-03-25`,
      channels: [{ kind: 'phone', label: 'Sekretariat', value: '34 370 82 00' }],
    });
    expect(created.status, created.text).toBe(201);
    documentId = created.body.data.documentId;
    const published = await admin(`${CM}/${documentId}/actions/publish?locale=pl`, 'POST', {});
    expect(published.status, published.text).toBe(200);

    first = await outputs();
    expect(first.page).toContain(`do 25 marca ${YEAR}`);
    expect(first.rssTitle).toBe('Zamknięcie punktu pomocy rodzinie');
    expect(first.capType).toBe('Alert');
    expect(first.lastDay).toBe(`${YEAR}-03-25`);
    expect(first.status).toBe('CONFIRMED');
  });

  it('Przedłuż to 10 April: an update everywhere — the page, "Aktualizacja" in RSS, a CAP Update, a higher SEQUENCE', async () => {
    const response = await admin(`/tablica/notices/${documentId}/extend`, 'POST', {
      untilDate: `${YEAR}-04-10`,
      note: 'Remont potrwa dłużej.',
    });
    expect(response.status, response.text).toBe(200);
    extended = await outputs();
    expect(extended.page).toContain(`do 10 kwietnia ${YEAR}`);
    expect(extended.page).toContain(`Przedłużono do 10 kwietnia ${YEAR} r. Remont potrwa dłużej.`);
    expect(extended.rssTitle).toBe('Aktualizacja: Zamknięcie punktu pomocy rodzinie');
    expect(extended.capType).toBe('Update');
    expect(extended.capIdentifier).not.toBe(first.capIdentifier);
    // The Update names the Alert it follows, which is still there.
    expect(extended.capReferences).toContain(`,${first.capIdentifier},`);
    expect(extended.capVersions).toEqual(['v1.xml', 'v2.xml']);
    expect(extended.sequence).toBeGreaterThan(first.sequence);
    expect(extended.lastDay).toBe(`${YEAR}-04-10`);
  });

  it('publishing the Ukrainian version announces nothing new in Polish: same version, same SEQUENCE, same CAP message', async () => {
    const saved = await admin(`${CM}/${documentId}?locale=uk`, 'PUT', {
      title: 'Закриття пункту допомоги родині',
      summary: 'Пункт зачинено. Справи можна вирішити телефоном 34 370 82 00.',
    });
    expect(saved.status, saved.text).toBe(200);
    const published = await admin(`${CM}/${documentId}/actions/publish?locale=uk`, 'POST', {});
    expect(published.status, published.text).toBe(200);
    translated = await outputs();
    expect(translated.ukPage).toContain('Закриття пункту допомоги родині');
    expect(translated.ukPage).toMatch(/10 квітня/);
    expect(translated.sequence).toBe(extended.sequence);
    expect(translated.capIdentifier).toBe(extended.capIdentifier);
    expect(translated.rssTitle).toBe(extended.rssTitle);
    // The Polish page reads the same, but for the line saying which languages it is in.
    const notice = (page: string) => page.slice(page.indexOf('Obowiązuje'));
    expect(notice(translated.page)).toBe(notice(extended.page));
    expect(translated.page).toContain('Wersja 2');
  });

  it('Odwołaj: lifted on the page, "Odwołano" in RSS, a CAP Cancel naming both earlier messages, the calendar event ends today', async () => {
    const response = await admin(`/tablica/notices/${documentId}/lift`, 'POST', { note: 'Punkt znów przyjmuje.' });
    expect(response.status, response.text).toBe(200);
    const lifted = await outputs();
    expect(lifted.page).toContain('Komunikat odwołano. Punkt znów przyjmuje.');
    expect(lifted.rssTitle).toMatch(/^Odwołano: Zamknięcie punktu pomocy rodzinie/);
    expect(lifted.capType).toBe('Cancel');
    expect(lifted.capReferences).toContain(`,${first.capIdentifier},`);
    expect(lifted.capReferences).toContain(`,${extended.capIdentifier},`);
    expect(lifted.capVersions).toEqual(['v1.xml', 'v2.xml', 'v3.xml']);
    // The closure was in force from 16 March: it happened, so calendars keep it, ending today.
    expect(lifted.status).toBe('CONFIRMED');
    expect(lifted.lastDay).toBe(localDateAt(new Date(), 'Europe/Warsaw'));
    expect(lifted.sequence).toBeGreaterThan(translated.sequence);
    expect(lifted.ukPage).toMatch(/Повідомлення скасовано/);
  });
});
