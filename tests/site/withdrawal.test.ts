import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { demoSnapshotRaw } from '../fixtures/demo-snapshot.ts';
import { fileOf, readPage, text } from '../support/html.ts';
import { buildSiteFromSnapshot, type SiteBuild } from '../support/site-build.ts';
import { childText, parseXmlStrict } from '../support/xml.ts';

/**
 * Issue 17, item 4: when a notice of a threat is over — it ended by itself, or was lifted — the
 * warning message is withdrawn, and the withdrawal reaches where the warning went: feeds, the
 * single-notice widget, the newsroom page and its text file.
 */
const now = new Date();
const ENDED = 'awaria-wodociagu-ul-lipowa'; // urgent, safety; Polish and Ukrainian
const LIFTED = 'zamkniecie-plywalni-przedluzone'; // made a safety notice here, Polish and English
const endedAt = new Date(now.getTime() - 2 * 3_600_000);

const raw = demoSnapshotRaw();
for (const notice of raw.notices) {
  if (notice.slug === ENDED) notice.effectiveUntil = endedAt.toISOString();
  if (notice.slug === LIFTED) {
    notice.category = 'safety';
    notice.liftedAt = new Date(now.getTime() - 3_600_000).toISOString();
    notice.revision = Number(notice.revision ?? 1) + 1;
  }
}

const itemOf = (xml: Document, link: string) =>
  [...(xml.getElementsByTagName('item') as unknown as Iterable<Element>)].find((item) =>
    childText(item, 'link')?.endsWith(link),
  );

describe('the withdrawal of a warning message', () => {
  let build: SiteBuild;
  const read = (urlPath: string) => readFileSync(fileOf(build.outDir, urlPath), 'utf8');

  beforeAll(async () => {
    build = await buildSiteFromSnapshot(raw, { TABLICA_NOW: now.toISOString() });
    if (!build.ok) throw new Error(build.output);
  });

  test('a threat that ended by itself is news again in RSS: a new item, dated when it ended, leading with the withdrawal', () => {
    const rss = parseXmlStrict(read('/rss.xml'), 'rss.xml');
    const item = itemOf(rss, `/komunikaty/${ENDED}/`);
    expect(childText(item as Element, 'title')).toMatch(/^Zagrożenie minęło: Awaria sieci wodociągowej/);
    // A guid readers have not seen, so they announce it; the version's own guid is another item's.
    expect(childText(item as Element, 'guid')).toMatch(new RegExp(`/komunikaty/${ENDED}/#v\\d+-ended$`));
    expect(Date.parse(childText(item as Element, 'pubDate') ?? '')).toBe(Math.floor(endedAt.getTime() / 1000) * 1000);
    const content = childText(item as Element, 'encoded') ?? '';
    expect(content).toMatch(/^<p>ODWOŁANIE KOMUNIKATU OSTRZEGAWCZEGO<br>Odwołuje się komunikat ostrzegawczy wydany /);
    expect(content).toContain('Zagrożenie ustało.');
    // The newest news first.
    expect(childText(rss.getElementsByTagName('item')[0] as Element, 'link')).toMatch(
      /komunikaty\/(awaria|zamkniecie)/,
    );
  });

  test('a lifted threat says "Odwołano" and carries the withdrawal, in each of its languages (JSON Feed too)', () => {
    const rss = parseXmlStrict(read('/rss.xml'), 'rss.xml');
    const item = itemOf(rss, `/komunikaty/${LIFTED}/`) as Element;
    expect(childText(item, 'title')).toMatch(/^Odwołano: /);
    expect(childText(item, 'encoded')).toMatch(/^<p>ODWOŁANIE KOMUNIKATU OSTRZEGAWCZEGO<br>/);
    const english = JSON.parse(read('/en/feed.json')) as {
      items: { url: string; title: string; content_html: string }[];
    };
    const lifted = english.items.find((entry) => entry.url.endsWith(`/en/notices/${LIFTED}/`));
    expect(lifted?.title).toMatch(/^Lifted: /);
    expect(lifted?.content_html).toMatch(/^<p>WITHDRAWAL OF THE WARNING MESSAGE<br>The warning message issued /);
    const ukrainian = JSON.parse(read('/uk/feed.json')) as {
      items: { id: string; url: string; title: string; content_html: string; date_published: string }[];
    };
    const ended = ukrainian.items.find((entry) => entry.url.endsWith(`/uk/notices/${ENDED}/`));
    expect(ended?.title).toMatch(/^Загроза минула: Аварія водопроводу/);
    expect(ended?.id).toMatch(/-ended$/);
    expect(ended?.content_html).toMatch(/^<p>СКАСУВАННЯ ПОПЕРЕДЖУВАЛЬНОГО ПОВІДОМЛЕННЯ<br>/);
    expect(Date.parse(ended?.date_published ?? '')).toBe(endedAt.getTime());
  });

  test('the single-notice widget of an article says the warning is withdrawn, not the old summary', () => {
    const widget = JSON.parse(read(`/widget/notice/${ENDED}.json`)) as {
      notices: { lang: string; summary: string; until: string }[];
    };
    const [polish, ukrainian] = widget.notices;
    expect(polish?.summary).toMatch(/^Odwołuje się komunikat ostrzegawczy wydany .*Zagrożenie ustało\.$/);
    expect(ukrainian?.summary).toMatch(/^Попереджувальне повідомлення від .* скасовано: .*Загроза минула\.$/);
    expect(Date.parse(polish?.until ?? '')).toBe(endedAt.getTime());
    // A notice that is no threat keeps its summary when it ends.
    const other = JSON.parse(read('/widget/notice/zamkniecie-plywalni-miejskiej.json')) as {
      notices: { summary: string }[];
    };
    expect(other.notices[0]?.summary).not.toMatch(/Odwołuje się/);
  });

  test('the newsroom page and warning.txt carry the withdrawal instead of the warning', () => {
    const page = readPage(build.outDir, '/dla-mediow/');
    const form = page.querySelector(`[data-notice="${ENDED}"] [data-form="warning"]`);
    expect(text(form?.querySelector('h3'))).toBe('Odwołanie komunikatu ostrzegawczego');
    expect(read(`/dla-mediow/${ENDED}/warning.txt`)).toMatch(/^ODWOŁANIE KOMUNIKATU OSTRZEGAWCZEGO\n/);
  });
});
