import { describe, expect, it } from 'vitest';
import { endInstant, enteredEnd, enteredStart, enteredTime, formatUntil, startInstant } from '../src/index.ts';

const WARSAW = 'Europe/Warsaw';

describe('a start or an end as an editor enters it: the day they click, a time only if needed', () => {
  it.each([
    // The day clicked is the day residents read, in winter and summer time.
    [{ date: '2020-03-25' }, '2020-03-25T23:00:00.000Z', 'do 25 marca 2020 r.'],
    [{ date: '2020-07-10' }, '2020-07-10T22:00:00.000Z', 'do 10 lipca 2020 r.'],
    [{ date: '2020-03-25', time: '16:00' }, '2020-03-25T15:00:00.000Z', 'do 25 marca 2020 r. godz. 16:00'],
    // The last Sunday of March has 23 hours: its end is still the next midnight.
    [{ date: '2020-03-29' }, '2020-03-29T22:00:00.000Z', 'do 29 marca 2020 r.'],
  ])('end %o → %s, read "%s"; and back', (entered, instant, words) => {
    const end = endInstant(entered, WARSAW);
    expect(end.toISOString()).toBe(instant);
    expect(formatUntil(end, WARSAW, 'pl')).toBe(words);
    expect(enteredEnd(end, WARSAW)).toEqual(entered);
  });

  it.each([
    [{ date: '2020-03-16' }, '2020-03-15T23:00:00.000Z'],
    [{ date: '2020-03-16', time: '08:00' }, '2020-03-16T07:00:00.000Z'],
  ])('start %o → %s; and back', (entered, instant) => {
    const start = startInstant(entered, WARSAW);
    expect(start.toISOString()).toBe(instant);
    expect(enteredStart(start, WARSAW)).toEqual(entered);
  });

  it.each([
    ['16:00:00.000', '16:00'],
    ['08:30', '08:30'],
    ['24:00', undefined],
    ['', undefined],
    [null, undefined],
  ])('time field %o → %s', (value, time) => {
    expect(enteredTime(value)).toBe(time);
  });
});
