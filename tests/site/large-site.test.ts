import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { generateSnapshot, loadSnapshot, noticeStatus } from '@tablica/shared';
import { beforeAll, describe, expect, test } from 'vitest';
import { pageWindow } from '../../site/src/lib/pagination.ts';
import { fileOf, pageExists, readPage } from '../support/html.ts';
import { buildSite, type SiteBuild } from '../support/site-build.ts';

const NOTICES = 400;

describe('pagination helper', () => {
  test.each([
    [1, 1, [1]],
    [1, 5, [1, 2, 3, 4, 5]],
    [1, 300, [1, 2, 3, null, 300]],
    [150, 300, [1, null, 148, 149, 150, 151, 152, null, 300]],
    [300, 300, [1, null, 298, 299, 300]],
  ])('page %i of %i links %j', (page, pageCount, expected) => {
    expect(pageWindow(page, pageCount)).toEqual(expected);
  });
});

describe(`a site with ${NOTICES} notices`, () => {
  const now = new Date();
  const raw = generateSnapshot(NOTICES, 7, { now, locales: ['pl', 'en'] });
  const snapshot = loadSnapshot(raw, { now });
  const originals = snapshot.notices.filter((notice) => notice.locale === 'pl');
  const count = (status: string) => originals.filter((notice) => noticeStatus(notice, now) === status).length;
  let build: SiteBuild;

  beforeAll(async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'tablica-large-')), 'snapshot.json');
    writeFileSync(file, JSON.stringify(raw));
    build = await buildSite({ env: { TABLICA_CONTENT: file, TABLICA_NOW: now.toISOString() } });
  });

  test('builds', () => {
    expect(build.ok, build.output).toBe(true);
  });

  test("the build's output says what it did without a line per page (it was 76,000 lines at 10,000 notices)", () => {
    const pages = Number(/(\d+) page\(s\) built in/.exec(build.output)?.[1]);
    expect(pages).toBeGreaterThan(NOTICES * 2);
    const lines = build.output.split('\n');
    expect(lines.length).toBeLessThan(60);
    expect(lines.filter((line) => line.includes('komunikaty/'))).toEqual([]);
    for (const phase of ['Collecting build info', 'generating static routes', 'Complete!', 'search index: '])
      expect(build.output).toContain(phase);
  });

  test('the home page stays phone-sized: the first 20 in force, the rest one link away', () => {
    expect(count('active')).toBeGreaterThan(20);
    const home = readPage(build.outDir, '/');
    expect(home.querySelectorAll('#active ~ .notice-list > li')).toHaveLength(20);
    expect(home.querySelector('main a[href="/obowiazujace/"]')?.textContent).toContain(
      String(count('active') + count('upcoming')),
    );
    expect(gzipSync(readFileSync(fileOf(build.outDir, '/'))).length).toBeLessThan(14 * 1024);
  });

  test('current and archive lists are paginated, 20 a page, every notice reachable once', () => {
    for (const [list, status] of [
      ['obowiazujace', ['active', 'upcoming']],
      ['archiwum', ['expired']],
    ] as const) {
      const expected = status.reduce((sum, one) => sum + count(one), 0);
      const pages = Math.ceil(expected / 20);
      const seen: string[] = [];
      for (let page = 1; page <= pages; page++) {
        const document = readPage(build.outDir, `/${list}/${page > 1 ? `${page}/` : ''}`);
        seen.push(
          ...[...document.querySelectorAll('.notice-card h2 a')].map((link) => link.getAttribute('href') ?? ''),
        );
        expect(document.querySelectorAll('.pagination a').length).toBeLessThanOrEqual(9);
      }
      expect(pageExists(build.outDir, `/${list}/${pages + 1}/`)).toBe(false);
      expect(seen).toHaveLength(expected);
      expect(new Set(seen).size).toBe(expected);
    }
  });

  test('every translation has its page and English lists link them', () => {
    const english = readPage(build.outDir, '/en/current/');
    const links = [...english.querySelectorAll('.notice-card h2 a')].map((link) => link.getAttribute('href'));
    expect(links.length).toBe(20);
    for (const href of links) expect(href).toMatch(/^\/en\/notices\//);
  });
});
