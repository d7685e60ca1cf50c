import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { NoticeInputSchema } from '../src/index.ts';
import { validNoticeInput } from './arbitraries.ts';

const viaJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('any valid notice', () => {
  it('is accepted', () => {
    fc.assert(
      fc.property(validNoticeInput, (input) => {
        const result = NoticeInputSchema.safeParse(input);
        if (!result.success) throw new Error(JSON.stringify(result.error.issues, null, 1));
      }),
      { numRuns: 300 },
    );
  });

  it('survives a JSON round trip: parsing what was parsed, after JSON, gives the same notice', () => {
    fc.assert(
      fc.property(validNoticeInput, (input) => {
        const parsed = NoticeInputSchema.parse(input);
        expect(NoticeInputSchema.parse(viaJson(input))).toEqual(parsed);
        expect(NoticeInputSchema.parse(viaJson(parsed))).toEqual(parsed);
      }),
      { numRuns: 300 },
    );
  });
});

/** Changes that always make a notice invalid, each at a path an editor could get wrong. */
const breakingMutations: fc.Arbitrary<[string, (notice: Record<string, unknown>) => void]> = fc.oneof(
  fc.constantFrom<[string, (notice: Record<string, unknown>) => void]>(
    ['drop the title', (notice) => delete notice.title],
    ['drop the institution', (notice) => delete notice.institution],
    [
      'title too long',
      (notice) => {
        notice.title = 'x'.repeat(161);
      },
    ],
    [
      'uppercase slug',
      (notice) => {
        notice.slug = 'Zamkniecie-Basenu';
      },
    ],
    [
      'unknown severity',
      (notice) => {
        notice.severity = 'catastrophic';
      },
    ],
    [
      'end before start',
      (notice) => {
        notice.effectiveUntil = '1999-01-01';
      },
    ],
    [
      'empty procedure',
      (notice) => {
        notice.procedures = [{ text: ' ' }];
      },
    ],
    [
      'script link',
      (notice) => {
        notice.links = [{ label: 'x', url: 'javascript:alert(1)' }];
      },
    ],
    [
      'bad phone',
      (notice) => {
        notice.channels = [{ kind: 'phone', label: 'x', value: '12' }];
      },
    ],
    [
      'bad ePUAP',
      (notice) => {
        notice.channels = [{ kind: 'epuap', label: 'x', value: 'mops/urzad' }];
      },
    ],
  ),
  fc
    .tuple(
      fc.constantFrom('title', 'summary', 'slug', 'institution'),
      fc.constantFrom('\u0000', '\u202E', '\u2066', '\u001B'),
    )
    .map(([field, char]): [string, (notice: Record<string, unknown>) => void] => [
      `${JSON.stringify(char)} in ${field}`,
      (notice) => {
        notice[field] = `${String(notice[field])}${char}x`;
      },
    ]),
  fc
    .tuple(
      fc.constantFrom('title', 'effectiveFrom', 'category', 'channels', 'procedures', 'suspensions'),
      fc.constantFrom(42, null, true, {}, 'x'.repeat(3)),
    )
    .map(([field, value]): [string, (notice: Record<string, unknown>) => void] => [
      `${field} = ${JSON.stringify(value)}`,
      (notice) => {
        notice[field] = value;
      },
    ]),
);

describe('a mutated notice', () => {
  it('fails with a Zod error naming the field, and nothing else', () => {
    fc.assert(
      fc.property(validNoticeInput, breakingMutations, (input, [, mutate]) => {
        const notice = structuredClone(input) as Record<string, unknown>;
        mutate(notice);
        let thrown: unknown;
        try {
          NoticeInputSchema.parse(notice);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(ZodError);
        expect((thrown as ZodError).issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });

  it('with any value anywhere at the top level either parses or fails with a Zod error — it never crashes', () => {
    fc.assert(
      fc.property(validNoticeInput, fc.string(), fc.anything(), (input, key, value) => {
        const notice = { ...input, [key]: value };
        try {
          NoticeInputSchema.parse(notice);
        } catch (error) {
          expect(error).toBeInstanceOf(ZodError);
        }
      }),
      { numRuns: 400 },
    );
  });
});
