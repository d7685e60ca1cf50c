import { describe, expect, it } from 'vitest';
import { RULE_MESSAGES, validateNoticeInput } from '../src/index.ts';
import { validNotice } from './helpers.ts';

const invalid = validNotice({
  title: 'Krótki',
  effectiveUntil: '2020-03-01',
  channels: [{ kind: 'phone', label: 'Telefon', value: '12' }],
});

describe('error messages a person reads', () => {
  it('are Polish by default, name the field and say what to do', () => {
    const result = validateNoticeInput(invalid);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.errors).toEqual([
      {
        path: ['title'],
        field: 'title',
        location: 'Tytuł',
        message: 'Tekst jest za krótki: wpisz co najmniej 10 znaków.',
      },
      {
        path: ['channels', 0, 'value'],
        field: 'channels.0.value',
        location: 'Kanały kontaktu › 1 › Wartość',
        message: expect.stringContaining('Wpisz numer w postaci „34 370 82 00”'),
      },
      {
        path: ['effectiveUntil'],
        field: 'effectiveUntil',
        location: 'Obowiązuje do',
        message: 'Data końcowa musi być późniejsza niż data początkowa. Popraw jedną z nich.',
      },
    ]);
  });

  it('are English on request', () => {
    const result = validateNoticeInput(invalid, { language: 'en' });
    expect(result.success ? [] : result.errors.map((error) => [error.location, error.message])).toEqual([
      ['Title', 'The text is too short: enter at least 10 characters.'],
      ['Contact channels › 1 › Value', expect.stringContaining('The phone number is not valid')],
      ['Effective until', 'The end date must be later than the start date. Correct one of them.'],
    ]);
  });

  it('say "required" for a missing field, in both languages', () => {
    const pl = validateNoticeInput(validNotice({ category: undefined }));
    const en = validateNoticeInput(validNotice({ category: undefined }), { language: 'en' });
    expect(pl.success ? '' : pl.errors[0]?.message).toBe('To pole jest wymagane. Uzupełnij je.');
    expect(en.success ? '' : en.errors[0]?.message).toBe('This field is required. Fill it in.');
  });

  it('say how long a text is and how long it may be', () => {
    const result = validateNoticeInput(validNotice({ summary: 'x'.repeat(320) }));
    expect(result.success ? '' : result.errors[0]?.message).toBe(
      'Tekst jest za długi (320 znaków): skróć go do 300 znaków.',
    );
  });

  it('exist in every language for every rule', () => {
    for (const [rule, languages] of Object.entries(RULE_MESSAGES)) {
      expect(Object.keys(languages).sort(), rule).toEqual(['en', 'pl']);
    }
  });
});

describe('lengths count characters as a person does', () => {
  it('counts an emoji as one character', () => {
    const title = `${'a'.repeat(159)}🚰`;
    expect(validateNoticeInput(validNotice({ title })).success).toBe(true);
    const result = validateNoticeInput(validNotice({ title: `${title}🚰` }));
    expect(result.success ? '' : result.errors[0]?.message).toBe(
      'Tekst jest za długi (161 znaków): skróć go do 160 znaków.',
    );
  });
});
