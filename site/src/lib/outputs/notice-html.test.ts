import type { Notice } from '@tablica/shared';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { noticeSections } from '../notice-sections.ts';
import { noticeHtml } from './notice-html.ts';
import { testNotice } from './test-notices.ts';

const FULL = {
  suspensions: [{ facility: 'Filia nr 3', mode: 'closed' }],
  channels: [{ kind: 'phone', label: 'Sekretariat', value: '+48 13 434 12 34', extension: '12' }],
  procedures: [{ text: 'Zadzwoń', items: ['w godzinach pracy'] }],
  body: [
    { type: 'heading', level: 2, children: [{ type: 'text', text: 'Szczegóły dla czytelników' }] },
    { type: 'paragraph', children: [{ type: 'text', text: 'Zwroty w filii nr 1.' }] },
  ],
  links: [{ label: 'Regulamin', url: 'https://mbp.example.org/regulamin' }],
  updates: [{ at: '2020-03-17T10:00:00+01:00', text: 'Przedłużono.' }],
};

const headings = (html: string) =>
  [...parseHTML(`<html><body>${html}</body></html>`).document.querySelectorAll('h2, h3, h4')].map(
    (heading) => `${heading.tagName.toLowerCase()} ${heading.textContent}`,
  );

describe('the feed HTML of a notice (pure function)', () => {
  test.each([
    ['only a summary', {}],
    ['every section', FULL],
    ['a custom procedures heading', { ...FULL, proceduresHeading: 'Jak załatwić sprawę:' }],
  ])('%s: the same sections, in the same order, as the page (notice-sections.ts)', (_name, overrides) => {
    const notice = testNotice(overrides);
    const sections = headings(noticeHtml(notice, 'https://x.example/')).filter((heading) => heading.startsWith('h2'));
    expect(sections).toEqual(noticeSections(notice).map((section) => `h2 ${section.heading}`));
  });

  test('a body heading sits below its section heading', () => {
    expect(headings(noticeHtml(testNotice(FULL), 'https://x.example/'))).toContain('h3 Szczegóły dla czytelników');
  });

  test('a javascript: link in the body is text, not a link (even past the schema, which refuses it)', () => {
    const notice = {
      ...testNotice(),
      body: [
        {
          type: 'paragraph',
          children: [{ type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', text: 'kliknij' }] }],
        },
      ],
    } as Notice;
    expect(noticeHtml(notice, 'https://x.example/')).not.toContain('javascript:');
    expect(noticeHtml(notice, 'https://x.example/')).toContain('kliknij');
  });

  test('an attachment says its type and size, a short number is a tap-to-call link', () => {
    const html = noticeHtml(
      testNotice({
        attachments: [{ label: 'Wniosek', url: 'https://x.example/w.pdf', mime: 'application/pdf', bytes: 22_000 }],
        channels: [{ kind: 'phone', label: 'Pogotowie wodociągowe', value: '994' }],
      }),
      'https://x.example/',
    );
    expect(html).toContain('<a href="https://x.example/w.pdf">Wniosek</a> (PDF, 22 kB)');
    expect(html).toContain('<a href="tel:994">994</a>');
  });
});
