import { test } from 'vitest';
import { NoticeInputSchema } from '../src/index.ts';
import { validNotice } from '../test/helpers.ts';

/**
 * No rule may be usable for ReDoS: every field, fed 100 KB of the input most likely to make a
 * regular expression backtrack, must be refused about as fast as a normal notice is accepted.
 * The baseline is a valid notice parsed in the same run; compare the ratios vitest prints.
 */
const KB100 = 100 * 1024;
const repeat = (unit: string) => unit.repeat(Math.ceil(KB100 / unit.length)).slice(0, KB100);

const hostile: Record<string, Record<string, unknown>> = {
  'title: 100 KB of letters': { title: repeat('a') },
  'summary: 100 KB of spaces then a letter': { summary: `${repeat(' ')}x` },
  'slug: 100 KB of "a-"': { slug: repeat('a-') },
  'phone: 100 KB of digits and "wew."': { channels: [{ kind: 'phone', label: 'x', value: repeat('1 wew. ') }] },
  'email: 100 KB of "a@a."': { channels: [{ kind: 'email', label: 'x', value: repeat('a@a.') }] },
  'email: 100 KB of dotted labels': { channels: [{ kind: 'email', label: 'x', value: `a@${repeat('a-a.')}` }] },
  'ePUAP: 100 KB after a slash': { channels: [{ kind: 'epuap', label: 'x', value: `/${repeat('a')}` }] },
  'web: 100 KB URL': { channels: [{ kind: 'web', label: 'x', value: `https://${repeat('a.')}` }] },
  'until: 100 KB of digits': { effectiveUntil: repeat('2020-') },
  'procedure: 100 KB with bidi controls': { procedures: [{ text: repeat('a\u202E') }] },
  'rich text: 100 KB run': { body: [{ type: 'paragraph', children: [{ type: 'text', text: repeat('ab ') }] }] },
};

test('validation of hostile 100 KB strings vs a valid notice', async ({ bench }) => {
  const baseline = validNotice();
  await bench.compare(
    bench('baseline: a valid notice', () => {
      NoticeInputSchema.safeParse(baseline);
    }),
    ...Object.entries(hostile).map(([name, overrides]) => {
      const notice = validNotice(overrides);
      return bench(name, () => {
        NoticeInputSchema.safeParse(notice);
      });
    }),
    { time: 300 },
  );
});
