import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type FieldError, loadSnapshot, noticeStatus, resolveRelativeDate, SnapshotError } from '../src/index.ts';

const demo = JSON.parse(readFileSync(new URL('../fixtures/demo.json', import.meta.url), 'utf8'));
const clone = () => structuredClone(demo);
const NOW = new Date('2026-11-23T10:00:00Z');

function snapshotErrors(raw: unknown): FieldError[] {
  try {
    loadSnapshot(raw, { now: NOW });
  } catch (error) {
    if (error instanceof SnapshotError) return error.errors;
    throw error;
  }
  return [];
}

describe('the demo snapshot', () => {
  const snapshot = loadSnapshot(demo, { now: NOW });
  const seed = snapshot.notices.find(
    (notice) => notice.slug === 'mops-czestochowa-koronawirus-zmiany-2020' && notice.locale === 'pl',
  );

  it('validates against the schemas', () => {
    expect(snapshot.notices.length).toBeGreaterThanOrEqual(8);
    expect(snapshot.institutions.length).toBeGreaterThanOrEqual(6);
  });

  it('reproduces the MOPS Częstochowa notice of March 2020 faithfully', () => {
    expect(seed).toBeDefined();
    if (!seed) return;
    expect(seed.institution).toBe('mops-czestochowa');
    expect(seed.effectiveUntil?.toISOString()).toBe('2020-03-25T23:00:00.000Z');
    expect(
      seed.suspensions
        .filter((suspension) => suspension.mode === 'closed')
        .map((suspension) => [suspension.facility, suspension.until]),
    ).toEqual([
      ['Centrum Pomocy Dziecku Niepełnosprawnemu i Jego Rodzinie w Częstochowie', '2020-03-25'],
      ['Wszystkie Dzielnicowe Ośrodki Społeczności Lokalnych', '2020-03-25'],
    ]);
    expect(seed.suspensions.find((suspension) => suspension.facility === 'Siedziba MOPS')?.mode).toBe('by-appointment');
    expect(seed.channels.map((channel) => [channel.kind, channel.value])).toEqual([
      ['epuap', '/mopsczestochowa/urzad'],
      ['email', 'mops@czestochowa.um.gov.pl'],
      ['web', 'http://mops.czestochowa.pl/mops2/elektroniczna-skrzynka-podawcza'],
      ['web', 'http://mops.czestochowa.pl/mops2/o-nas-2/komorki-organizacyjne/'],
      ['other', 'SEKAP'],
      ['other', 'Empatia'],
    ]);
    expect(seed.procedures).toHaveLength(8);
    expect(seed.procedures[2]?.items).toEqual([
      'ma objawy chorobowe w postaci: gorączki, kataru, duszności, bólu stawów i mięśni;',
      'przebywała za granicą lub w kontakcie z osobą zakażoną.',
    ]);
    expect(seed.procedures[2]?.note).toMatch(/^W przypadku wystąpienia powyższych okoliczności/);
    expect(seed.advisories).toEqual([
      expect.objectContaining({ tone: 'warning', text: expect.stringMatching(/pozostanie w domach/) }),
    ]);
    expect(seed.source?.name).toMatch(/Radio Jura/);
  });

  it('has an English translation of the seed notice with the same structure', () => {
    const english = snapshot.notices.find((notice) => notice.slug === seed?.slug && notice.locale === 'en');
    expect(english?.procedures).toHaveLength(8);
    expect(english?.procedures[2]?.items).toHaveLength(2);
    expect(english?.channels.map((channel) => channel.value)).toEqual(seed?.channels.map((channel) => channel.value));
  });

  it('always has active, upcoming, expired, until-further-notice and urgent notices, whatever the day', () => {
    for (const day of ['2026-11-23T10:00:00Z', '2027-03-28T10:00:00Z', '2031-10-26T01:30:00Z']) {
      const now = new Date(day);
      const notices = loadSnapshot(demo, { now }).notices;
      const statuses = new Set(notices.map((notice) => noticeStatus(notice, now)));
      expect([...statuses].sort(), day).toEqual(['active', 'expired', 'upcoming']);
      expect(
        notices.some((notice) => notice.effectiveUntil === undefined && noticeStatus(notice, now) === 'active'),
      ).toBe(true);
      expect(notices.some((notice) => notice.severity === 'urgent' && noticeStatus(notice, now) === 'active')).toBe(
        true,
      );
    }
  });

  it('has an update chain and a Ukrainian translation', () => {
    const successor = snapshot.notices.find((notice) => notice.supersedes);
    expect(successor?.updates.length).toBeGreaterThan(0);
    expect(snapshot.notices.some((notice) => notice.slug === successor?.supersedes)).toBe(true);
    expect(snapshot.notices.some((notice) => notice.locale === 'uk')).toBe(true);
  });
});

describe('relative dates in snapshots', () => {
  it.each([
    { value: '@today', expected: '2026-11-23' },
    { value: '@today+3d', expected: '2026-11-26' },
    { value: '@today-30d', expected: '2026-10-24' },
    { value: '@today-1dT06:00', expected: '2026-11-22T05:00:00.000Z' },
    { value: '@today+200dT06:00', expected: '2027-06-11T04:00:00.000Z' },
    { value: '2020-03-25', expected: '2020-03-25' },
    { value: '@tomorrow', expected: '@tomorrow' },
  ])('$value → $expected', ({ value, expected }) => {
    expect(resolveRelativeDate(value, NOW, 'Europe/Warsaw')).toBe(expected);
  });

  it('counts "today" in the notice zone: 23:30 UTC is already tomorrow in Warsaw', () => {
    expect(resolveRelativeDate('@today', new Date('2026-11-23T23:30:00Z'), 'Europe/Warsaw')).toBe('2026-11-24');
  });
});

describe('snapshot consistency', () => {
  it('names the notice, its locale and the field of an invalid entry', () => {
    const raw = clone();
    raw.notices[3].channels[0].value = 'not a phone';
    const errors = snapshotErrors(raw);
    expect(errors).toEqual([
      expect.objectContaining({
        field: 'notices.3.channels.0.value',
        location: 'notice "awaria-wodociagu-ul-lipowa", locale uk › Contact channels › 1 › Value',
      }),
    ]);
  });

  it('puts every problem in the error message', () => {
    const raw = clone();
    raw.notices[0].title = 'x';
    expect(() => loadSnapshot(raw, { now: NOW, source: 'demo.json' })).toThrow(
      /content snapshot demo\.json is invalid:\n- notices\.0\.title \(notice "mops-czestochowa-koronawirus-zmiany-2020", locale pl › Title\)/,
    );
  });

  it.each([
    {
      name: 'an unknown institution',
      change: (raw: typeof demo) => {
        raw.notices[2].institution = 'nie-ma-takiej';
        raw.notices[3].institution = 'nie-ma-takiej';
      },
      fields: ['notices.2.institution', 'notices.3.institution'],
    },
    {
      name: 'a duplicate slug and locale',
      change: (raw: typeof demo) => raw.notices.push(structuredClone(raw.notices[4])),
      fields: ['notices.12.slug'],
    },
    {
      name: 'a translation without a Polish original',
      change: (raw: typeof demo) => {
        raw.notices[6].slug = 'tylko-angielski';
      },
      fields: ['notices.6.locale'],
    },
    {
      name: 'a translation with a different period',
      change: (raw: typeof demo) => {
        raw.notices[1].effectiveUntil = '2020-03-26';
      },
      fields: ['notices.1.effectiveUntil'],
    },
    {
      name: 'a reference to a notice that does not exist',
      change: (raw: typeof demo) => {
        raw.notices[9].supersedes = 'nie-istnieje';
        raw.notices[10].supersedes = 'nie-istnieje';
      },
      fields: ['notices.9.supersedes', 'notices.10.supersedes'],
    },
    {
      name: 'a duplicate institution',
      change: (raw: typeof demo) => raw.institutions.push(structuredClone(raw.institutions[0])),
      fields: ['institutions.6.slug'],
    },
  ])('refuses $name', ({ change, fields }) => {
    const raw = clone();
    change(raw);
    expect(snapshotErrors(raw).map((error) => error.field)).toEqual(fields);
  });

  it('refuses a file that is not a Tablica snapshot', () => {
    expect(snapshotErrors({ ...clone(), format: 'wordpress-export' }).map((error) => error.field)).toEqual(['format']);
  });
});
