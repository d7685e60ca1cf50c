import { describe, expect, it } from 'vitest';
import { extensionNote, liftNote } from '../src/index.ts';

const WARSAW = 'Europe/Warsaw';
// Exclusive end: midnight after 10 April 2026 in Warsaw (summer time, UTC+2).
const AFTER_10_APRIL = new Date('2026-04-10T22:00:00.000Z');

describe('the register entries the one-step actions write', () => {
  it('names the last day residents read, in each language, as one sentence', () => {
    expect(extensionNote(AFTER_10_APRIL, WARSAW, 'pl')).toBe('Przedłużono do 10 kwietnia 2026 r.');
    expect(extensionNote(AFTER_10_APRIL, WARSAW, 'en')).toBe('Extended until 10 April 2026.');
    expect(extensionNote(AFTER_10_APRIL, WARSAW, 'uk')).toMatch(/^Продовжено .*10 квітня 2026.*\.$/);
  });

  it('says "until further notice" for an open end', () => {
    expect(extensionNote(undefined, WARSAW, 'pl')).toBe('Przedłużono do odwołania.');
    expect(extensionNote(undefined, WARSAW, 'en')).toMatch(/^Extended until further notice\.$/i);
  });

  it('gives a time of day when the notice ends during a day', () => {
    expect(extensionNote(new Date('2026-04-10T13:30:00.000Z'), WARSAW, 'pl')).toMatch(/10 kwietnia 2026.*15:30/);
  });

  it('lifts in the reader’s language', () => {
    expect([liftNote('pl'), liftNote('en'), liftNote('uk')]).toEqual([
      'Komunikat odwołano.',
      'This notice has been lifted.',
      'Повідомлення скасовано.',
    ]);
  });
});
