import { describe, expect, test } from 'vitest';
import { oembedResponse } from '../embed/oembed.ts';

describe('oEmbed answers (pure function)', () => {
  test.each([
    ['a plain title', 'Zamknięcie pływalni'],
    ['a title with markup', 'Zamknięcie "pływalni" <script>alert(1)</script> & basenu'],
  ])('%s: a rich embed whose HTML names the frame and the page, escaped', (_name, title) => {
    const answer = oembedResponse({
      siteName: 'Tablica',
      baseUrl: 'https://tablica.example.org',
      title,
      pageUrl: 'https://tablica.example.org/komunikaty/x/',
      embedUrl: 'https://tablica.example.org/embed/notice/x/',
    });
    expect(answer).toMatchObject({ version: '1.0', type: 'rich', provider_name: 'Tablica', title });
    expect(answer.html).toContain('src="https://tablica.example.org/embed/notice/x/"');
    expect(answer.html).toContain('href="https://tablica.example.org/komunikaty/x/"');
    expect(answer.html).not.toContain('<script>alert');
  });
});
