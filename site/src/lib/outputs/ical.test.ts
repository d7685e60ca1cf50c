import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { readWithIcalJs, readWithNodeIcal } from './calendar-readers.ts';
import { calendar, noticeCalendar } from './ical.ts';
import { BASE_URL, NOW, testNotice } from './test-notices.ts';

const CONTEXT = { baseUrl: BASE_URL, now: NOW };
const FROM = new Date('2020-01-01T00:00:00Z');
const HORIZON = new Date('2021-01-01T00:00:00Z');

const events = (text: string) =>
  new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((event) => new ICAL.Event(event));

/** What both independent parsers read; the test fails if they disagree with each other. */
function read(text: string) {
  const byIcalJs = readWithIcalJs(text, FROM, HORIZON);
  expect(readWithNodeIcal(text, FROM, HORIZON)).toEqual(byIcalJs);
  return byIcalJs;
}

const span = ({ start, end, allDay }: { start: string; end: string; allDay: boolean }) => [start, end, allDay];

describe('iCalendar as two independent parsers read it (ical.js and node-ical)', () => {
  test.each([
    ['the notice itself', {}, [['2020-03-16', '2020-03-26', true]]],
    [
      'one event per facility change',
      {
        suspensions: [
          { facility: 'Filia nr 3', mode: 'closed', from: '2020-03-16', until: '2020-03-20' },
          { facility: 'Czytelnia', mode: 'by-appointment', from: '2020-03-18', until: '2020-03-25' },
        ],
      },
      [
        ['2020-03-16', '2020-03-21', true],
        ['2020-03-18', '2020-03-26', true],
      ],
    ],
    [
      'a water shut-off from 08:00 to 16:00 keeps its hours (Warsaw, CET)',
      { effectiveFrom: '2020-03-18T08:00:00+01:00', effectiveUntil: '2020-03-18T16:00:00+01:00' },
      [['2020-03-18T07:00:00.000Z', '2020-03-18T15:00:00.000Z', false]],
    ],
    [
      'hours across the change to summer time (29 March 2020, 02:00 → 03:00)',
      { effectiveFrom: '2020-03-28T08:00:00+01:00', effectiveUntil: '2020-03-30T16:00:00+02:00' },
      [['2020-03-28T07:00:00.000Z', '2020-03-30T14:00:00.000Z', false]],
    ],
  ])('%s', (_name, overrides, expected) => {
    expect(read(noticeCalendar({ notice: testNotice(overrides) }, CONTEXT)).map(span)).toEqual(expected);
  });

  test('a timed event names its zone, defined in the file (DTSTART;TZID=Europe/Warsaw, a VTIMEZONE)', () => {
    const text = noticeCalendar(
      {
        notice: testNotice({ effectiveFrom: '2020-03-18T08:00:00+01:00', effectiveUntil: '2020-03-18T16:00:00+01:00' }),
      },
      CONTEXT,
    );
    expect(text).toContain('DTSTART;TZID=Europe/Warsaw:20200318T080000\r\n');
    expect(text).toContain('DTEND;TZID=Europe/Warsaw:20200318T160000\r\n');
    const zone = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vtimezone');
    expect(zone?.getFirstPropertyValue('tzid')).toBe('Europe/Warsaw');
    // The observances as the tz database has them: CEST from the last Sunday of March at 02:00.
    const daylight = zone?.getAllSubcomponents('daylight').map((part) => String(part.getFirstPropertyValue('dtstart')));
    expect(daylight).toContain('2020-03-29T02:00:00');
    expect(daylight).toContain('2021-03-28T02:00:00');
  });

  test('"until further notice" is in force every day until it is lifted, not for one day', () => {
    const open = testNotice({ effectiveFrom: '2020-03-16T00:00:00+01:00', effectiveUntil: undefined });
    const days = read(noticeCalendar({ notice: open }, CONTEXT)).map(({ start }) => start);
    expect(days[0]).toBe('2020-03-16');
    for (const inForce of ['2020-03-17', '2020-04-02', '2020-12-31']) expect(days).toContain(inForce);
    expect(days).toHaveLength(291); // 16 March to 31 December 2020, the horizon read here

    const lifted = testNotice({ effectiveUntil: undefined, revision: 2, liftedAt: '2020-04-02T10:00:00+02:00' });
    const liftedDays = read(noticeCalendar({ notice: lifted }, CONTEXT));
    expect(liftedDays.map(({ start }) => start).at(-1)).toBe('2020-04-02');
    expect(liftedDays).toHaveLength(18);
    expect(liftedDays.every(({ status }) => status === 'CONFIRMED')).toBe(true);
  });

  test('a facility closed until further notice, on a notice with an end, repeats daily too', () => {
    const notice = testNotice({
      suspensions: [{ facility: 'Basen', mode: 'closed', from: '2020-03-16', untilFurtherNotice: true }],
    });
    const days = read(noticeCalendar({ notice }, CONTEXT)).map(({ start }) => start);
    expect(days).toContain('2020-06-01');
  });

  test.each([
    [
      'lifted while in force: the event ends on the day it was lifted',
      '2020-03-18T10:00:00+01:00',
      'CONFIRMED',
      '2020-03-19',
    ],
    ['lifted before it began: the event is cancelled', '2020-03-14T10:00:00+01:00', 'CANCELLED', '2020-03-26'],
  ])('%s', (_name, liftedAt, status, end) => {
    const [event] = read(noticeCalendar({ notice: testNotice({ revision: 2, liftedAt }) }, CONTEXT));
    expect(event).toMatchObject({ status, start: '2020-03-16', end });
  });

  test('a notice replaced by a newer one: its events stop where the newer begins, as an update (SEQUENCE + 1)', () => {
    const old = testNotice();
    const continuing = { slug: 'basen-dalej-zamkniety', from: new Date('2020-03-21T00:00:00+01:00'), publishedAt: NOW };
    const text = noticeCalendar({ notice: old, replacement: continuing }, CONTEXT);
    expect(read(text).map(span)).toEqual([['2020-03-16', '2020-03-21', true]]);
    expect(events(text)[0]?.sequence).toBe(2);
    expect(events(text)[0]?.description).toContain(`${BASE_URL}/komunikaty/basen-dalej-zamkniety/`);

    const fromTheStart = { ...continuing, from: new Date('2020-03-16T00:00:00+01:00') };
    expect(read(noticeCalendar({ notice: old, replacement: fromTheStart }, CONTEXT))[0]?.status).toBe('CANCELLED');
  });

  test('an institution with nothing current still gets a valid calendar: its time zone, no events', () => {
    const text = calendar('MOPS Częstochowa', [], CONTEXT);
    const root = new ICAL.Component(ICAL.parse(text));
    expect(root.getAllSubcomponents('vtimezone')).toHaveLength(1);
    expect(root.getAllSubcomponents('vevent')).toHaveLength(0);
    expect(read(text)).toEqual([]);
  });

  test('a facility open as usual is no event; the others keep their UIDs', () => {
    const notice = testNotice({
      suspensions: [
        { facility: 'Filia nr 1', mode: 'open' },
        { facility: 'Filia nr 3', mode: 'closed', from: '2020-03-16', until: '2020-03-20' },
      ],
    });
    const parsed = events(noticeCalendar({ notice }, CONTEXT));
    expect(parsed.map((event) => [event.uid, event.summary])).toEqual([
      ['zamkniecie-filii-biblioteki-2@tablica.example.org', 'Filia nr 3: Zamknięcie filii biblioteki nr 3'],
    ]);
  });

  test.each([
    ['published', {}, 1],
    ['changed twice', { revision: 3 }, 3],
  ])('%s: SEQUENCE is the revision, the UID stays', (_name, overrides, sequence) => {
    const [event] = events(noticeCalendar({ notice: testNotice(overrides) }, CONTEXT));
    expect(event?.sequence).toBe(sequence);
    expect(event?.uid).toBe('zamkniecie-filii-biblioteki-1@tablica.example.org');
  });

  test('text with ; , \\ and line breaks, and long Polish lines, read back exactly', () => {
    const title = 'Zamknięcie; filii, nr 3 \\ — żółć gęślą jaźń '.repeat(3).trim();
    const text = calendar('Kalendarz', [{ notice: testNotice({ title }) }], CONTEXT);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(events(text)[0]?.summary).toBe(title);
  });
});
