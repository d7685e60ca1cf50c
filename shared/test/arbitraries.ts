import fc from 'fast-check';
import { CATEGORIES, CHANNEL_KINDS, SEVERITIES, SUSPENSION_MODES } from '../src/index.ts';

/**
 * Arbitraries that produce *valid* notice inputs: text from a safe alphabet (Polish and
 * Ukrainian letters, digits, punctuation, the odd emoji), channels whose values suit their kind.
 */
const SAFE_CHARACTERS = [...'abcdefghijklmnopqrstuvwxyzĄĆĘŁŃÓŚŹŻąćęłńóśźżЇїЄєҐґабв0123456789 .,;:!?()„”"\'-–—/&<>#%🚰'];
const safeChar = fc.constantFrom(...SAFE_CHARACTERS);

// Lengths are counted in characters (code points), as Zod and editors count them.
const characters = (value: string) => [...value].length;

/** Text whose trimmed length is within [min, max]. */
function text(min: number, max: number) {
  return fc
    .string({ unit: safeChar, minLength: min, maxLength: max })
    .map((value) => value.trim())
    .filter((value) => characters(value) >= min && characters(value) <= max);
}

function multiLineText(min: number, max: number) {
  return fc
    .array(text(1, Math.max(1, Math.floor(max / 3))), { minLength: 1, maxLength: 3 })
    .map((lines) => lines.join('\n'))
    .filter((value) => characters(value) >= min && characters(value) <= max);
}

const slug = fc
  .array(fc.stringMatching(/^[a-z0-9]{1,8}$/), { minLength: 1, maxLength: 4 })
  .map((words) => words.join('-'))
  .filter((value) => value.length >= 3);

const date = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2090-12-31T00:00:00Z'),
  noInvalidDate: true,
});
const localDate = date.map((value) => value.toISOString().slice(0, 10));

const phone = fc
  .tuple(
    fc.constantFrom('22', '32', '34', '12', '61', '71'),
    fc.integer({ min: 1_000_000, max: 9_999_999 }),
    fc.option(fc.integer({ min: 1, max: 9999 })),
  )
  .map(([area, number, extension]) => `${area} ${number}${extension === null ? '' : ` wew. ${extension}`}`);
// Polish mobile ranges only: 80x is a premium/free-phone range, not a mobile.
const mobile = fc
  .tuple(
    fc.constantFrom('50', '51', '53', '57', '60', '66', '69', '72', '73', '78', '79', '88'),
    fc.integer({ min: 1_000_000, max: 9_999_999 }),
  )
  .map(([prefix, number]) => `+48${prefix}${number}`);
const email = fc
  .tuple(fc.stringMatching(/^[a-z0-9._-]{1,12}$/), slug)
  .map(([local, domain]) => `${local}@${domain}.example.org`);
const url = fc
  .tuple(fc.constantFrom('http', 'https'), slug, fc.stringMatching(/^[a-z0-9/_-]{0,20}$/))
  .map(([scheme, host, path]) => `${scheme}://${host}.example.org/${path}`);

const channelValue: Record<(typeof CHANNEL_KINDS)[number], fc.Arbitrary<string>> = {
  phone: phone.filter((value) => !value.startsWith('12 0')),
  sms: mobile,
  email,
  epuap: fc
    .tuple(fc.stringMatching(/^[A-Za-z0-9]{1,12}$/), fc.stringMatching(/^[A-Za-z0-9]{1,12}$/))
    .map(([office, inbox]) => `/${office}/${inbox}`),
  web: url,
  postal: text(1, 120),
  'in-person': text(1, 120),
  other: text(1, 120),
};

const channel = fc.constantFrom(...CHANNEL_KINDS).chain((kind) =>
  fc.record(
    {
      kind: fc.constant(kind),
      label: text(1, 80),
      value: channelValue[kind],
      hours: text(1, 160),
      preferred: fc.boolean(),
    },
    { requiredKeys: ['kind', 'label', 'value'] },
  ),
);

const suspension = fc
  .record(
    {
      facility: text(3, 200),
      mode: fc.constantFrom(...SUSPENSION_MODES),
      hours: text(1, 160),
      scope: text(1, 300),
      from: localDate,
      until: localDate,
      untilFurtherNotice: fc.boolean(),
    },
    { requiredKeys: ['facility', 'mode', 'hours'] },
  )
  .map((value) => {
    const fixed = { ...value };
    if (fixed.from && fixed.until && fixed.until < fixed.from) [fixed.from, fixed.until] = [fixed.until, fixed.from];
    if (fixed.until) fixed.untilFurtherNotice = false;
    return fixed;
  });

const procedure = fc.record(
  {
    text: multiLineText(1, 1500),
    items: fc.array(multiLineText(1, 500), { maxLength: 4 }),
    note: multiLineText(1, 1000),
  },
  { requiredKeys: ['text'] },
);

export const validNoticeInput = fc
  .record(
    {
      slug,
      title: text(10, 160),
      summary: multiLineText(1, 300),
      headline: text(1, 30),
      institution: slug,
      category: fc.constantFrom(...CATEGORIES),
      severity: fc.constantFrom(...SEVERITIES),
      start: date,
      durationHours: fc.option(fc.integer({ min: 1, max: 24 * 400 })),
      dateOnlyEnd: fc.boolean(),
      timeZone: fc.constantFrom('Europe/Warsaw', 'Europe/Kyiv', 'UTC', 'America/New_York'),
      suspensions: fc.array(suspension, { maxLength: 4 }),
      channels: fc.array(channel, { maxLength: 6 }),
      procedures: fc.array(procedure, { maxLength: 5 }),
      advisories: fc.array(fc.record({ tone: fc.constantFrom('info', 'warning'), text: multiLineText(1, 1000) }), {
        maxLength: 2,
      }),
      links: fc.array(fc.record({ label: text(1, 160), url }), { maxLength: 3 }),
      updates: fc.array(fc.record({ at: date.map((value) => value.toISOString()), text: multiLineText(1, 500) }), {
        maxLength: 3,
      }),
      area: fc.record({ description: text(1, 200), teryt: fc.array(fc.stringMatching(/^\d{7}$/), { maxLength: 3 }) }),
    },
    {
      requiredKeys: [
        'slug',
        'title',
        'summary',
        'institution',
        'category',
        'severity',
        'start',
        'durationHours',
        'dateOnlyEnd',
        'timeZone',
      ],
    },
  )
  .map(({ start, durationHours, dateOnlyEnd, ...notice }) => {
    const effectiveFrom = start.toISOString();
    if (durationHours === null) return { ...notice, effectiveFrom };
    const end = new Date(start.getTime() + durationHours * 3_600_000);
    // A date-only end two days on is always after the start, in every zone used here.
    const effectiveUntil = dateOnlyEnd
      ? new Date(end.getTime() + 2 * 86_400_000).toISOString().slice(0, 10)
      : end.toISOString();
    return { ...notice, effectiveFrom, effectiveUntil };
  });
