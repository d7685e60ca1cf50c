import { describe, expect, test } from 'vitest';
import { attachmentDescription } from './attachment-text.ts';

const url = 'https://tablica.example.org/zalaczniki/ab12/wniosek.pdf';

describe('an attachment described for residents', () => {
  test.each([
    [{ url, mime: 'application/pdf', bytes: 22_000 }, 'pl', 'PDF, 22 kB'],
    [{ url, mime: 'application/pdf', bytes: 22_000 }, 'uk', 'PDF, 22 кБ'],
    [{ url, mime: 'application/pdf', bytes: 1_000 }, 'en', 'PDF, 1 kB'],
    [{ url, mime: 'application/pdf', bytes: 120 }, 'pl', 'PDF, 1 kB'],
    [{ url, mime: 'application/pdf', bytes: 2_450_000 }, 'pl', 'PDF, 2,5 MB'],
    [{ url, mime: 'application/pdf', bytes: 2_450_000 }, 'en', 'PDF, 2.5 MB'],
    [
      {
        url: 'https://x.example/f.docx',
        mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        bytes: 48_000,
      },
      'pl',
      'DOCX, 48 kB',
    ],
    [{ url: 'https://x.example/plan.odt' }, 'pl', 'ODT'],
    [{ url: 'https://x.example/plik' }, 'pl', ''],
  ] as const)('%o in %s → "%s"', (attachment, locale, text) => {
    expect(attachmentDescription(attachment, locale)).toBe(text);
  });
});
