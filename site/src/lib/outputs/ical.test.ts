import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { calendar, noticeCalendar } from './ical.ts';
import { BASE_URL, testNotice } from './test-notices.ts';

const events = (text: string) =>
  new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((event) => new ICAL.Event(event));

describe('iCalendar (pure function, read back with ical.js)', () => {
  test.each([
    ['the notice itself', {}, [['2020-03-16', '2020-03-26']]],
    [
      'one event per facility change',
      {
        suspensions: [
          { facility: 'Filia nr 3', mode: 'closed', from: '2020-03-16', until: '2020-03-20' },
          { facility: 'Czytelnia', mode: 'by-appointment', from: '2020-03-18', until: '2020-03-25' },
        ],
      },
      [
        ['2020-03-16', '2020-03-21'],
        ['2020-03-18', '2020-03-26'],
      ],
    ],
  ])('%s: all-day events in the issuer’s days', (_name, overrides, expected) => {
    const parsed = events(noticeCalendar(testNotice(overrides), { baseUrl: BASE_URL }));
    expect(parsed.map((event) => [event.startDate.toString(), event.endDate.toString()])).toEqual(expected);
  });

  test('a facility open as usual is no event; the others keep their UIDs', () => {
    const notice = testNotice({
      suspensions: [
        { facility: 'Filia nr 1', mode: 'open' },
        { facility: 'Filia nr 3', mode: 'closed', from: '2020-03-16', until: '2020-03-20' },
      ],
    });
    const parsed = events(noticeCalendar(notice, { baseUrl: BASE_URL }));
    expect(parsed.map((event) => [event.uid, event.summary])).toEqual([
      ['zamkniecie-filii-biblioteki-2@tablica.example.org', 'Filia nr 3: Zamknięcie filii biblioteki nr 3'],
    ]);
  });

  test.each([
    ['published', {}, 'CONFIRMED', 1],
    ['changed twice', { revision: 3 }, 'CONFIRMED', 3],
    ['lifted', { revision: 2, liftedAt: '2020-03-18T10:00:00+01:00' }, 'CANCELLED', 2],
  ])('%s: STATUS and SEQUENCE tell calendar apps what changed', (_name, overrides, status, sequence) => {
    const [event] = events(noticeCalendar(testNotice(overrides), { baseUrl: BASE_URL }));
    expect(event?.component.getFirstPropertyValue('status')).toBe(status);
    expect(event?.sequence).toBe(sequence);
    expect(event?.uid).toBe('zamkniecie-filii-biblioteki-1@tablica.example.org');
  });

  test('text with ; , \\ and line breaks, and long Polish lines, read back exactly', () => {
    const title = 'Zamknięcie; filii, nr 3 \\ — żółć gęślą jaźń '.repeat(3).trim();
    const text = calendar('Kalendarz', [testNotice({ title })], { baseUrl: BASE_URL });
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(events(text)[0]?.summary).toBe(title);
  });
});
