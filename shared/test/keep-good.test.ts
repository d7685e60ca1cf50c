import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSnapshot, loadSnapshotKeepingGood, resolveRelativeDates, SnapshotError } from '../src/index.ts';

const demo = JSON.parse(readFileSync(new URL('../fixtures/demo.json', import.meta.url), 'utf8'));
const NOW = new Date('2026-11-23T10:00:00Z');
/** The demo as a previous build published it (dates resolved, every notice valid). */
const lastGood = JSON.parse(JSON.stringify(loadSnapshot(demo, { now: NOW }).notices));

type RawNotice = { slug: string; locale: string; title: string; [key: string]: unknown };
function withNotice(slug: string, locale: string, change: (notice: RawNotice) => void) {
  const raw = structuredClone(demo);
  const notice = raw.notices.find((item: RawNotice) => item.slug === slug && item.locale === locale);
  change(notice);
  return raw;
}
const keys = (notices: { slug: string; locale: string }[]) =>
  notices.map((notice) => `${notice.slug}/${notice.locale}`);
const BAD_PHONE = (notice: RawNotice) => {
  notice.title = 'Awaria wodociągu — nowa wersja z błędem';
  notice.channels = [{ kind: 'phone', label: 'Pogotowie', value: '12' }];
};

describe('one bad notice does not stop the others (loadSnapshotKeepingGood)', () => {
  it('a notice that now fails keeps its last good version, reported with the field', () => {
    const { snapshot, problems } = loadSnapshotKeepingGood(withNotice('awaria-wodociagu-ul-lipowa', 'pl', BAD_PHONE), {
      now: NOW,
      lastGood,
    });
    expect(keys(snapshot.notices)).toEqual(keys(lastGood));
    const kept = snapshot.notices.find(
      (notice) => notice.slug === 'awaria-wodociagu-ul-lipowa' && notice.locale === 'pl',
    );
    expect(kept?.title).not.toContain('nowa wersja z błędem');
    expect(problems).toEqual([
      expect.objectContaining({ slug: 'awaria-wodociagu-ul-lipowa', locale: 'pl', kept: 'previous' }),
    ]);
    expect(problems[0]?.errors[0]?.location).toMatch(/awaria-wodociagu-ul-lipowa.*channels|Channels/i);
  });

  it('the last good versions are read only when a notice fails (a build keeps the whole site there)', () => {
    let reads = 0;
    const readLastGood = () => {
      reads += 1;
      return lastGood;
    };
    loadSnapshotKeepingGood(demo, { now: NOW, lastGood: readLastGood });
    expect(reads).toBe(0);
    const { problems } = loadSnapshotKeepingGood(withNotice('awaria-wodociagu-ul-lipowa', 'pl', BAD_PHONE), {
      now: NOW,
      lastGood: readLastGood,
    });
    expect(reads).toBe(1);
    expect(problems).toEqual([expect.objectContaining({ slug: 'awaria-wodociagu-ul-lipowa', kept: 'previous' })]);
  });

  it('without a last good version it is left out — and so are its translations, which have no original', () => {
    const { snapshot, problems } = loadSnapshotKeepingGood(withNotice('awaria-wodociagu-ul-lipowa', 'pl', BAD_PHONE), {
      now: NOW,
    });
    expect(keys(snapshot.notices)).not.toContain('awaria-wodociagu-ul-lipowa/pl');
    expect(keys(snapshot.notices)).not.toContain('awaria-wodociagu-ul-lipowa/uk');
    expect(keys(snapshot.notices)).toHaveLength(lastGood.length - 2);
    expect(problems.map((problem) => [problem.slug, problem.locale, problem.kept])).toEqual([
      ['awaria-wodociagu-ul-lipowa', 'pl', 'none'],
      ['awaria-wodociagu-ul-lipowa', 'uk', 'none'],
    ]);
  });

  it('a notice naming an institution that does not exist is treated the same way', () => {
    const raw = withNotice('filia-biblioteki-nr-3-zamknieta', 'pl', (notice) => {
      notice.institution = 'nie-ma-takiej';
    });
    const { snapshot, problems } = loadSnapshotKeepingGood(raw, { now: NOW, lastGood });
    expect(snapshot.notices.find((notice) => notice.slug === 'filia-biblioteki-nr-3-zamknieta')?.institution).not.toBe(
      'nie-ma-takiej',
    );
    expect(problems).toEqual([expect.objectContaining({ slug: 'filia-biblioteki-nr-3-zamknieta', kept: 'previous' })]);
  });

  it('a last good version that itself fails today is not used', () => {
    const stale = structuredClone(lastGood);
    for (const notice of stale) if (notice.slug === 'awaria-wodociagu-ul-lipowa') notice.title = 'x';
    const { problems } = loadSnapshotKeepingGood(withNotice('awaria-wodociagu-ul-lipowa', 'pl', BAD_PHONE), {
      now: NOW,
      lastGood: stale,
    });
    expect(problems[0]).toMatchObject({ kept: 'none' });
  });

  it('a valid snapshot loads exactly as loadSnapshot does, with no problems', () => {
    const { snapshot, problems } = loadSnapshotKeepingGood(demo, { now: NOW, lastGood });
    expect(problems).toEqual([]);
    expect(snapshot).toEqual(loadSnapshot(demo, { now: NOW }));
  });

  it('broken settings or institutions still stop the build: every page depends on them', () => {
    const raw = structuredClone(demo);
    raw.institutions[0].name = '';
    expect(() => loadSnapshotKeepingGood(raw, { now: NOW, lastGood })).toThrow(SnapshotError);
  });

  it('relative dates are resolved in snapshot files only: what editors wrote in the CMS stays as written', () => {
    // The demo with its dates resolved, as a CMS would hold it, and a summary that looks like a relative date.
    const raw = JSON.parse(JSON.stringify(loadSnapshot(demo, { now: NOW })));
    for (const notice of raw.notices) if (notice.slug === 'awaria-wodociagu-ul-lipowa') notice.summary = '@today';
    const summaryOf = (options: { relativeDates?: boolean }) =>
      loadSnapshotKeepingGood(structuredClone(raw), { now: NOW, ...options }).snapshot.notices.find(
        (notice) => notice.slug === 'awaria-wodociagu-ul-lipowa' && notice.locale === 'pl',
      )?.summary;
    expect(summaryOf({})).toBe(NOW.toISOString().slice(0, 10));
    expect(summaryOf({ relativeDates: false })).toBe('@today');
  });

  it('notices parsed by an earlier load are taken as they were, and still checked against each other', () => {
    // As the CMS's content is given: dates as written, the same objects each time they are read.
    const raw = resolveRelativeDates(structuredClone(demo), NOW) as typeof demo;
    const first = new Map<unknown, unknown>();
    loadSnapshotKeepingGood(raw, {
      now: NOW,
      relativeDates: false,
      parses: { known: () => undefined, parsed: (given, notice) => first.set(given, notice) },
    });
    expect(first.size).toBe(raw.notices.length);
    // The next load is given the same notices: none is parsed again, and what it publishes is the
    // earlier parse, as it was — the notice moved to an institution that does not exist fails now.
    const again: unknown[] = [];
    const moved = raw.notices.find(
      (item: RawNotice) => item.slug === 'awaria-wodociagu-ul-lipowa' && item.locale === 'pl',
    );
    const earlier = first.get(moved) as { institution: string };
    first.set(moved, { ...earlier, institution: 'nie-ma-takiej' });
    const { snapshot, problems } = loadSnapshotKeepingGood(raw, {
      now: NOW,
      relativeDates: false,
      parses: { known: (given) => first.get(given) as never, parsed: (given) => again.push(given) },
    });
    expect(again).toEqual([]);
    expect(snapshot.notices).toContain(first.get(raw.notices[0]));
    expect(keys(snapshot.notices)).not.toContain('awaria-wodociagu-ul-lipowa/pl');
    expect(problems).toEqual([
      expect.objectContaining({ slug: 'awaria-wodociagu-ul-lipowa', locale: 'pl', kept: 'none' }),
      expect.objectContaining({ slug: 'awaria-wodociagu-ul-lipowa', locale: 'uk', kept: 'none' }),
    ]);
  });
});
