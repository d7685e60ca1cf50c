import { describe, expect, test } from 'vitest';
import { numberSetting, portSetting } from '../src/config/number-setting.ts';

const minutes = { fallback: 30, what: 'a number of minutes' };
const retries = { fallback: 5, what: 'a whole number of retries', whole: true, zero: true };

describe('a number from a setting', () => {
  test.each([
    ['unset', {}, minutes, 30],
    ['empty', { N: '' }, minutes, 30],
    ['a fraction where fractions are fine', { N: '0.5' }, minutes, 0.5],
    ['0 where 0 means something', { N: '0' }, retries, 0],
    ['a whole number', { N: '12' }, retries, 12],
  ])('%s', (_, env, rule, expected) => {
    expect(numberSetting(env, 'N', rule)).toBe(expected);
  });

  test.each([
    ['text', 'half an hour', minutes, 'a number of minutes above 0 (such as 30)'],
    ['0 where it must be above 0', '0', minutes, 'a number of minutes above 0 (such as 30)'],
    ['below 0', '-1', retries, 'a whole number of retries 0 or more (such as 5)'],
    ['a fraction of a count', '2.5', retries, 'a whole number of retries 0 or more (such as 5)'],
    ['infinity', 'Infinity', minutes, 'a number of minutes above 0 (such as 30)'],
  ])('%s is refused, naming the setting and what it takes', (_, value, rule, takes) => {
    expect(() => numberSetting({ TABLICA_X: value }, 'TABLICA_X', rule)).toThrow(
      `Tablica: TABLICA_X must be ${takes}, not "${value}".`,
    );
  });

  test('a port is 0 (any free one) to 65535', () => {
    expect(portSetting({}, 'SITE_PORT', 4321)).toBe(4321);
    expect(portSetting({ SITE_PORT: '0' }, 'SITE_PORT', 4321)).toBe(0);
    for (const wrong of ['65536', '80.5', 'http'])
      expect(() => portSetting({ SITE_PORT: wrong }, 'SITE_PORT', 4321)).toThrow(
        `SITE_PORT must be a port number from 0 to 65535 (such as 4321), not "${wrong}"`,
      );
  });
});
