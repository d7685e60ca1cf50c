import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSite } from '../support/site-build.ts';

const demoFile = createRequire(import.meta.url).resolve('@tablica/shared/fixtures/demo.json');

/** The demo snapshot with one change, written where a build can read it. */
function snapshotWith(change: (snapshot: { notices: Record<string, unknown>[] }) => void): string {
  const snapshot = JSON.parse(readFileSync(demoFile, 'utf8'));
  change(snapshot);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'tablica-bad-')), 'snapshot.json');
  writeFileSync(file, JSON.stringify(snapshot));
  return file;
}

const noticeAt = (snapshot: { notices: Record<string, unknown>[] }, slug: string, locale: string) => {
  const notice = snapshot.notices.find((entry) => entry.slug === slug && entry.locale === locale);
  if (!notice) throw new Error(`demo lost ${slug}/${locale}`);
  return notice;
};

/** A port nothing listens on: taken from the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('content the build must not publish', () => {
  test.each([
    {
      name: 'an unusable phone number',
      change: (notice: Record<string, unknown>) => {
        notice.channels = [{ kind: 'phone', label: 'Sekretariat', value: '12' }];
      },
      field: /channels.*value|kanał|channel/i,
    },
    {
      name: 'a javascript: link',
      change: (notice: Record<string, unknown>) => {
        notice.links = [{ label: 'Kliknij', url: 'javascript:alert(1)' }];
      },
      field: /links.*url|link/i,
    },
    {
      name: 'a bidi override that would make the title read differently',
      change: (notice: Record<string, unknown>) => {
        notice.title = 'Zamknięcie \u202Eawalp\u202C do odwołania';
      },
      field: /title|tytuł/i,
    },
  ])(
    '$name: that notice is left out (it had no good version before), named with its language and field; every other notice is published',
    async ({ change, field }) => {
      const file = snapshotWith((snapshot) => change(noticeAt(snapshot, 'zamkniecie-plywalni-przedluzone', 'en')));
      const report = path.join(path.dirname(file), 'report.json');
      const build = await buildSite({ env: { TABLICA_CONTENT: file, TABLICA_BUILD_REPORT: report } });
      expect(build.ok, build.output).toBe(true);
      expect(build.output).toContain('NOT UPDATED: notice "zamkniecie-plywalni-przedluzone" (en)');
      expect(build.output).toContain('notice "zamkniecie-plywalni-przedluzone", locale en');
      expect(build.output).toMatch(field);
      const written = (page: string) => existsSync(path.join(build.outDir, page, 'index.html'));
      // The bad English version is published nowhere: its address leads to the Polish original.
      const english = readFileSync(
        path.join(build.outDir, 'en/notices/zamkniecie-plywalni-przedluzone/index.html'),
        'utf8',
      );
      expect(english).toContain('<meta name="robots" content="noindex">');
      expect(english).toContain('href="/komunikaty/zamkniecie-plywalni-przedluzone/"');
      expect(english).not.toContain('javascript:');
      expect(written('komunikaty/zamkniecie-plywalni-przedluzone')).toBe(true);
      expect(written('en/notices/mops-czestochowa-koronawirus-zmiany-2020')).toBe(true);
      const { problems } = JSON.parse(readFileSync(report, 'utf8'));
      expect(problems).toEqual([
        expect.objectContaining({ slug: 'zamkniecie-plywalni-przedluzone', locale: 'en', kept: 'none' }),
      ]);
    },
  );

  test('broken institutions still stop the build (every page depends on them); nothing is written', async () => {
    const file = snapshotWith((snapshot) => {
      const [first] = (snapshot as unknown as { institutions: { name: string }[] }).institutions;
      if (first) first.name = '';
    });
    const build = await buildSite({ env: { TABLICA_CONTENT: file } });
    expect(build.ok).toBe(false);
    expect(build.output).toMatch(/institution "[a-z-]+" › (name|Name)/);
    expect(existsSync(path.join(build.outDir, 'index.html'))).toBe(false);
  });

  test('a snapshot that is not JSON fails with the file name', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'tablica-bad-')), 'broken.json');
    writeFileSync(file, '{"format": "tablica-snapshot",');
    const build = await buildSite({ env: { TABLICA_CONTENT: file } });
    expect(build.ok).toBe(false);
    expect(build.output).toContain(`the content snapshot ${file} is not valid JSON`);
  });

  test('an unreachable Strapi is retried with growing waits, then the build fails and writes nothing', async () => {
    const port = await closedPort();
    const build = await buildSite({
      env: { STRAPI_URL: `http://127.0.0.1:${port}`, TABLICA_STRAPI_RETRIES: '3', TABLICA_STRAPI_RETRY_DELAY_MS: '50' },
    });
    expect(build.ok).toBe(false);
    expect(build.output).toMatch(/retry 1 of 3 in 50 ms/);
    expect(build.output).toMatch(/retry 2 of 3 in 100 ms/);
    expect(build.output).toMatch(/retry 3 of 3 in 200 ms/);
    expect(build.output).toContain(`cannot reach Strapi at http://127.0.0.1:${port} (ECONNREFUSED) after 4 attempts`);
    expect(existsSync(path.join(build.outDir, 'index.html'))).toBe(false);
  });

  test.each([
    ['TABLICA_BUILD_HEAP_MB', '1.5GB', 'a whole number of megabytes above 0 (such as 1280)'],
    ['TABLICA_STRAPI_RETRIES', 'many', 'a whole number of retries 0 or more (such as 5)'],
    ['TABLICA_SEARCH_INDEX_PART_NOTICES', '0', 'a whole number of notices above 0 (such as 5000)'],
  ])(
    'a build with %s that is not what it takes fails naming the setting, and writes nothing',
    async (name, value, takes) => {
      const build = await buildSite({ env: { STRAPI_URL: 'http://127.0.0.1:9', [name]: value } });
      expect(build.ok).toBe(false);
      expect(build.output).toContain(`${name} must be ${takes}, not "${value}"`);
      expect(existsSync(path.join(build.outDir, 'index.html'))).toBe(false);
    },
  );
});
