import { describe, expect, it } from 'vitest';
import { type FieldError, HttpUrlSchema, validateInstitution, validateNoticeInput } from '../src/index.ts';
import { validNotice } from './helpers.ts';

function errorsOf(result: ReturnType<typeof validateNoticeInput>): FieldError[] {
  return result.success ? [] : result.errors;
}

function fieldsOf(result: ReturnType<typeof validateNoticeInput>): string[] {
  return errorsOf(result).map((error) => error.field);
}

const channel = (kind: string, value: string, extra: object = {}) =>
  validateNoticeInput(validNotice({ channels: [{ kind, label: 'Kontakt', value, ...extra }] }));

describe('channel values are validated and normalised per kind', () => {
  it.each([
    { kind: 'phone', value: '34 370 82 00', stored: '+48343708200', extension: undefined },
    { kind: 'phone', value: '+48 34 370 82 00', stored: '+48343708200', extension: undefined },
    { kind: 'phone', value: '(34) 370-82-00 wew. 123', stored: '+48343708200', extension: '123' },
    { kind: 'phone', value: '34 370 82 00 w. 7', stored: '+48343708200', extension: '7' },
    { kind: 'phone', value: '343708200 ext. 55', stored: '+48343708200', extension: '55' },
    { kind: 'phone', value: '600 100 200', stored: '+48600100200', extension: undefined },
    { kind: 'phone', value: '+380 44 123 4567', stored: '+380441234567', extension: undefined },
    { kind: 'sms', value: '600 700 800', stored: '+48600700800', extension: undefined },
    // Short numbers, dialled as they are: the water emergency, 112, the police, a city contact centre, an EU line.
    { kind: 'phone', value: '994', stored: '994', extension: undefined },
    { kind: 'phone', value: '112', stored: '112', extension: undefined },
    { kind: 'phone', value: '997', stored: '997', extension: undefined },
    { kind: 'phone', value: '19 115', stored: '19115', extension: undefined },
    { kind: 'phone', value: '116 111', stored: '116111', extension: undefined },
    { kind: 'email', value: 'MOPS@Czestochowa.UM.gov.pl', stored: 'mops@czestochowa.um.gov.pl', extension: undefined },
    { kind: 'epuap', value: '/mopsczestochowa/urzad', stored: '/mopsczestochowa/urzad', extension: undefined },
    { kind: 'epuap', value: '/UMCzestochowa/SkrytkaESP', stored: '/UMCzestochowa/SkrytkaESP', extension: undefined },
    {
      kind: 'web',
      value: 'http://mops.czestochowa.pl/mops2/',
      stored: 'http://mops.czestochowa.pl/mops2/',
      extension: undefined,
    },
    {
      kind: 'postal',
      value: 'ul. Polna 1, 42-200 Częstochowa',
      stored: 'ul. Polna 1, 42-200 Częstochowa',
      extension: undefined,
    },
  ])('$kind "$value" is stored as $stored', ({ kind, value, stored, extension }) => {
    const result = channel(kind, value);
    expect(errorsOf(result)).toEqual([]);
    if (!result.success) return;
    expect(result.data.channels[0]).toMatchObject({ kind, value: stored });
    expect(result.data.channels[0]?.extension).toBe(extension);
  });

  it.each([
    { kind: 'phone', value: '123', why: 'too short' },
    { kind: 'phone', value: '113', why: 'not a short number in Poland' },
    { kind: 'phone', value: '9940', why: 'a short number with a digit too many' },
    { kind: 'phone', value: '994 wew. 12', why: 'a short number has no extension' },
    { kind: 'phone', value: 'zadzwoń do nas', why: 'not a number' },
    { kind: 'phone', value: '34 370 82 00 wew. 1234567', why: 'extension too long' },
    { kind: 'sms', value: '600 700 800 wew. 1', why: 'an SMS has no extension' },
    { kind: 'email', value: 'mops@', why: 'no domain' },
    { kind: 'email', value: 'mops czestochowa@um.gov.pl', why: 'a space' },
    { kind: 'email', value: 'mops@localhost', why: 'no dotted domain' },
    { kind: 'epuap', value: 'mopsczestochowa/urzad', why: 'no leading slash' },
    { kind: 'epuap', value: '/mopsczestochowa', why: 'no inbox' },
    { kind: 'epuap', value: '/mops czestochowa/urzad', why: 'a space' },
    { kind: 'web', value: 'javascript:alert(1)', why: 'script URL' },
    { kind: 'web', value: 'mops.czestochowa.pl', why: 'no scheme' },
  ])('$kind "$value" is refused at channels.0.value ($why)', ({ kind, value }) => {
    expect(fieldsOf(channel(kind, value))).toEqual(['channels.0.value']);
  });

  it('refuses an extension typed twice with different numbers', () => {
    expect(fieldsOf(channel('phone', '34 370 82 00 wew. 12', { extension: '13' }))).toEqual(['channels.0.value']);
  });
});

describe('URLs are http(s) and absolute everywhere', () => {
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '/relative/path',
    '../up',
    '//evil.example/protocol-relative',
    'https://',
    'https://user:secret@example.org/',
    'ftp://example.org/file',
  ])('refuses %j', (url) => {
    expect(HttpUrlSchema.safeParse(url).success).toBe(false);
  });

  it.each(['https://example.org', 'http://mops.czestochowa.pl/mops2/o-nas-2/', 'https://example.org/a?b=c#d'])(
    'accepts %j',
    (url) => {
      expect(HttpUrlSchema.safeParse(url).success).toBe(true);
    },
  );

  it.each([
    { field: 'links', value: [{ label: 'Mapa', url: 'javascript:alert(1)' }], path: 'links.0.url' },
    { field: 'attachments', value: [{ label: 'PDF', url: '/uploads/a.pdf' }], path: 'attachments.0.url' },
    { field: 'source', value: { name: 'Radio', url: 'data:text/html,x' }, path: 'source.url' },
    {
      field: 'body',
      value: [
        {
          type: 'paragraph',
          children: [{ type: 'link', url: 'javascript:x', children: [{ type: 'text', text: 'x' }] }],
        },
      ],
      path: 'body.0.children.0.url',
    },
  ])('applies to $field', ({ field, value, path }) => {
    expect(fieldsOf(validateNoticeInput(validNotice({ [field]: value })))).toEqual([path]);
  });

  it('applies to an institution website', () => {
    const result = validateInstitution({ slug: 'mops', name: 'MOPS', type: 'other', website: '//mops.pl' });
    expect(result.success ? [] : result.errors.map((error) => error.field)).toEqual(['website']);
  });
});

describe('the notice period', () => {
  it('reads a date-only "until" as the end of that local day in the notice zone', () => {
    const result = validateNoticeInput(validNotice({ effectiveUntil: '2020-03-25' }));
    expect(result.success && result.data.effectiveUntil?.toISOString()).toBe('2020-03-25T23:00:00.000Z');
  });

  it('uses the notice time zone for a date-only "until", across the spring DST change', () => {
    const warsaw = validateNoticeInput(validNotice({ effectiveUntil: '2020-03-29' }));
    const kyiv = validateNoticeInput(validNotice({ effectiveUntil: '2020-03-29', timeZone: 'Europe/Kyiv' }));
    expect(warsaw.success && warsaw.data.effectiveUntil?.toISOString()).toBe('2020-03-29T22:00:00.000Z');
    expect(kyiv.success && kyiv.data.effectiveUntil?.toISOString()).toBe('2020-03-29T21:00:00.000Z');
  });

  it.each([
    { until: '2020-03-15', why: 'a day before the start' },
    { until: '2020-03-16T00:00:00+01:00', why: 'the same instant as the start' },
    { until: '2020-03-15T22:59:00Z', why: '23:59 on 15 March in Warsaw' },
  ])('refuses an end not after the start: $why', ({ until }) => {
    expect(fieldsOf(validateNoticeInput(validNotice({ effectiveUntil: until })))).toEqual(['effectiveUntil']);
  });

  it('compares instants, not the digits: 23:30Z on 15 March is 00:30 on 16 March in Warsaw', () => {
    expect(validateNoticeInput(validNotice({ effectiveUntil: '2020-03-15T23:30:00Z' })).success).toBe(true);
  });

  it('accepts no end: until further notice', () => {
    const result = validateNoticeInput(validNotice({ effectiveUntil: undefined }));
    expect(result.success && result.data.effectiveUntil).toBeUndefined();
  });

  it.each(['25.03.2020', '2020-03-25 12:00', '2020-03-25T12:00', 'jutro'])('refuses the until format %j', (until) => {
    expect(fieldsOf(validateNoticeInput(validNotice({ effectiveUntil: until })))).toEqual(['effectiveUntil']);
  });

  it('refuses an unknown time zone', () => {
    expect(fieldsOf(validateNoticeInput(validNotice({ timeZone: 'Europe/Atlantis' })))).toEqual(['timeZone']);
  });

  it('reports the period together with other problems, so an editor fixes everything in one go', () => {
    const result = validateNoticeInput(
      validNotice({ effectiveUntil: '2020-03-01', channels: [{ kind: 'phone', label: 'Tel', value: '1' }] }),
    );
    expect(fieldsOf(result).sort()).toEqual(['channels.0.value', 'effectiveUntil']);
  });

  it.each([
    { suspension: { facility: 'Basen', mode: 'limited-hours' }, path: 'suspensions.0.hours' },
    {
      suspension: { facility: 'Basen', mode: 'closed', from: '2020-03-20', until: '2020-03-19' },
      path: 'suspensions.0.until',
    },
    {
      suspension: { facility: 'Basen', mode: 'closed', until: '2020-03-19', untilFurtherNotice: true },
      path: 'suspensions.0.untilFurtherNotice',
    },
    { suspension: { facility: 'Basen', mode: 'closed', until: '2020-02-30' }, path: 'suspensions.0.until' },
    { suspension: { facility: 'Basen', mode: 'half-open' }, path: 'suspensions.0.mode' },
  ])('refuses an inconsistent facility change at $path', ({ suspension, path }) => {
    expect(fieldsOf(validateNoticeInput(validNotice({ suspensions: [suspension] })))).toEqual([path]);
  });

  it('says a facility stays open as usual, with its hours if the editor gives them', () => {
    const suspensions = [
      { facility: 'Filia nr 1', mode: 'open' },
      { facility: 'Filia nr 2', mode: 'open', hours: 'pon.–pt. 8:00–16:00' },
      { facility: 'Czytelnia', mode: 'by-appointment', hours: 'wt. i czw. 10:00–14:00' },
    ];
    expect(fieldsOf(validateNoticeInput(validNotice({ suspensions })))).toEqual([]);
  });
});

describe('lengths, slugs and required text', () => {
  it.each([
    { field: 'title', value: 'Za krótki', path: 'title' },
    { field: 'title', value: 'x'.repeat(161), path: 'title' },
    { field: 'summary', value: 'x'.repeat(301), path: 'summary' },
    { field: 'summary', value: '   ', path: 'summary' },
    { field: 'headline', value: 'x'.repeat(31), path: 'headline' },
    { field: 'slug', value: 'Zamkniecie', path: 'slug' },
    { field: 'slug', value: 'zamknięcie-basenu', path: 'slug' },
    { field: 'slug', value: 'double--hyphen', path: 'slug' },
    { field: 'slug', value: '-leading', path: 'slug' },
    { field: 'institution', value: undefined, path: 'institution' },
    { field: 'category', value: 'weather', path: 'category' },
    { field: 'severity', value: 'extreme', path: 'severity' },
    { field: 'procedures', value: [{ text: '' }], path: 'procedures.0.text' },
    { field: 'procedures', value: [{ text: '  \n ' }], path: 'procedures.0.text' },
    { field: 'procedures', value: [{ text: 'Krok', items: [''] }], path: 'procedures.0.items.0' },
    { field: 'advisories', value: [{ tone: 'danger', text: 'Uwaga' }], path: 'advisories.0.tone' },
    { field: 'area', value: { description: 'Częstochowa', teryt: ['246401'] }, path: 'area.teryt.0' },
  ])('$field = $value is refused at $path', ({ field, value, path }) => {
    expect(fieldsOf(validateNoticeInput(validNotice({ [field]: value })))).toEqual([path]);
  });

  it('trims text an editor pasted with stray spaces', () => {
    const result = validateNoticeInput(validNotice({ title: '  Zamknięcie filii biblioteki  ' }));
    expect(result.success && result.data.title).toBe('Zamknięcie filii biblioteki');
  });

  it('keeps the 160-character title limit inclusive', () => {
    expect(validateNoticeInput(validNotice({ title: 'x'.repeat(160) })).success).toBe(true);
  });
});

describe('text refuses invisible and direction-changing characters', () => {
  it.each([
    { name: 'NUL', char: '\u0000' },
    { name: 'escape', char: '\u001B' },
    { name: 'DEL', char: '\u007F' },
    { name: 'C1 control', char: '\u0085' },
    { name: 'right-to-left override', char: '\u202E' },
    { name: 'left-to-right embedding', char: '\u202A' },
    { name: 'first strong isolate', char: '\u2068' },
    { name: 'lone surrogate', char: '\uD800' },
  ])('refuses $name in a title, a procedure and a rich-text run', ({ char }) => {
    const text = `Zamknięcie ${char} filii biblioteki`;
    const result = validateNoticeInput(
      validNotice({
        title: text,
        procedures: [{ text }],
        body: [{ type: 'paragraph', children: [{ type: 'text', text }] }],
      }),
    );
    expect(fieldsOf(result)).toEqual(['title', 'procedures.0.text', 'body.0.children.0.text']);
  });

  it('refuses a line break in a one-line field but keeps it in multi-line text', () => {
    const result = validateNoticeInput(
      validNotice({ title: 'Zamknięcie\nfilii biblioteki', procedures: [{ text: 'Pierwszy wiersz\nDrugi wiersz' }] }),
    );
    expect(fieldsOf(result)).toEqual(['title']);
  });

  it('allows Polish, Ukrainian and plain direction marks', () => {
    const result = validateNoticeInput(validNotice({ title: 'Зачинено: ŻÓŁĆ gęślą jaźń \u200E(PL)' }));
    expect(result.success).toBe(true);
  });
});
