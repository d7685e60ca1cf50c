import { describe, expect, it } from 'vitest';
import {
  addDays,
  endOfLocalDay,
  isLocalDate,
  isLocalMidnight,
  isValidTimeZone,
  localDateAt,
  startOfLocalDay,
  zonedTimeToInstant,
} from '../src/index.ts';

const WARSAW = 'Europe/Warsaw';
const HOUR = 3_600_000;

describe('end of a local day in Europe/Warsaw', () => {
  // Warsaw moves clocks forward on 29 March 2020 and back on 25 October 2020.
  it.each([
    { day: '2020-03-25', end: '2020-03-25T23:00:00.000Z', hours: 24, note: 'winter time' },
    { day: '2020-03-28', end: '2020-03-28T23:00:00.000Z', hours: 24, note: 'the day before the spring change' },
    { day: '2020-03-29', end: '2020-03-29T22:00:00.000Z', hours: 23, note: 'spring forward: a 23-hour day' },
    { day: '2020-07-01', end: '2020-07-01T22:00:00.000Z', hours: 24, note: 'summer time' },
    { day: '2020-10-25', end: '2020-10-25T23:00:00.000Z', hours: 25, note: 'fall back: a 25-hour day' },
    { day: '2020-12-31', end: '2020-12-31T23:00:00.000Z', hours: 24, note: 'year end' },
  ])('$day ends at $end ($note)', ({ day, end, hours }) => {
    expect(endOfLocalDay(day, WARSAW).toISOString()).toBe(end);
    const length = endOfLocalDay(day, WARSAW).getTime() - startOfLocalDay(day, WARSAW).getTime();
    expect(length).toBe(hours * HOUR);
  });

  it('is the same instant as the start of the next day, in other zones too', () => {
    expect(endOfLocalDay('2020-03-08', 'America/New_York').toISOString()).toBe('2020-03-09T04:00:00.000Z');
    expect(endOfLocalDay('2020-03-25', 'UTC').toISOString()).toBe('2020-03-26T00:00:00.000Z');
  });
});

describe('wall time to instant', () => {
  it.each([
    { date: '2020-03-16', time: '08:00', instant: '2020-03-16T07:00:00.000Z' },
    { date: '2020-08-16', time: '08:00', instant: '2020-08-16T06:00:00.000Z' },
    // 02:30 does not exist on 29 March 2020 in Warsaw: it moves on by the one-hour gap, to 03:30.
    { date: '2020-03-29', time: '02:30', instant: '2020-03-29T01:30:00.000Z' },
    { date: '2020-03-29', time: '03:00', instant: '2020-03-29T01:00:00.000Z' },
    // 02:30 happens twice on 25 October 2020: the first (summer-time) reading is used.
    { date: '2020-10-25', time: '02:30', instant: '2020-10-25T00:30:00.000Z' },
    { date: '2020-10-25', time: '03:00', instant: '2020-10-25T02:00:00.000Z' },
    // A zone that springs forward at midnight: the day starts at 01:00.
    { date: '2020-09-06', time: '00:00', instant: '2020-09-06T04:00:00.000Z', zone: 'America/Santiago' },
  ])('$date $time in Warsaw is $instant', ({ date, time, instant, zone = WARSAW }) => {
    expect(zonedTimeToInstant(date, time, zone).toISOString()).toBe(instant);
  });
});

describe('calendar helpers', () => {
  it.each([
    ['2020-03-25', true],
    ['2020-02-29', true],
    ['2021-02-29', false],
    ['2020-13-01', false],
    ['2020-3-5', false],
    ['25.03.2020', false],
  ])('isLocalDate(%s) is %s', (value, expected) => {
    expect(isLocalDate(value)).toBe(expected);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2020-03-31', 1)).toBe('2020-04-01');
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
  });

  it('reads the local date of an instant in the zone, not in UTC', () => {
    expect(localDateAt(new Date('2020-03-25T23:30:00Z'), WARSAW)).toBe('2020-03-26');
    expect(localDateAt(new Date('2020-03-25T23:30:00Z'), 'UTC')).toBe('2020-03-25');
  });

  it('knows a local midnight', () => {
    expect(isLocalMidnight(new Date('2020-03-25T23:00:00Z'), WARSAW)).toBe(true);
    expect(isLocalMidnight(new Date('2020-03-26T00:00:00Z'), WARSAW)).toBe(false);
  });

  it.each([
    ['Europe/Warsaw', true],
    ['Europe/Kyiv', true],
    ['Mars/Olympus', false],
    ['', false],
  ])('isValidTimeZone(%s) is %s', (zone, expected) => {
    expect(isValidTimeZone(zone)).toBe(expected);
  });
});
