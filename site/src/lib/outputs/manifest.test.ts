import { LOCALES } from '@tablica/shared';
import { describe, expect, test } from 'vitest';
import { CACHE_CONTROL, contentTypeOf, outputPaths, REQUIRED_FILES, servingRule } from './manifest.ts';

describe('the outputs manifest: one table of where outputs live and how they are served', () => {
  test.each([
    ['/rss.xml', 'application/rss+xml; charset=utf-8', 'revalidate', false, false],
    ['/en/rss.xml', 'application/rss+xml; charset=utf-8', 'revalidate', false, false],
    ['/feed.json', 'application/json; charset=utf-8', 'revalidate', false, false],
    ['/widget/pl.json', 'application/json; charset=utf-8', 'revalidate', true, false],
    ['/oembed/notice/x.json', 'application/json; charset=utf-8', 'revalidate', true, false],
    ['/embed.js', 'text/javascript; charset=utf-8', 'short', true, false],
    ['/embed/notice/x/', 'application/octet-stream', 'revalidate', false, true],
    ['/cap/index.atom', 'application/atom+xml; charset=utf-8', 'revalidate', false, false],
    ['/cap/x/v2.xml', 'application/cap+xml; charset=utf-8', 'revalidate', true, false],
    ['/calendar/x.ics', 'text/calendar; charset=utf-8', 'revalidate', false, false],
    ['/_astro/app.1a2b.css', 'text/css; charset=utf-8', 'immutable', false, false],
  ])('%s: %s, cache %s, CORS %s, framable %s', (pathname, type, cache, crossOrigin, framable) => {
    const rule = servingRule(pathname);
    // A page's content type comes from its file (index.html), which the server passes.
    expect(contentTypeOf(pathname)).toBe(type);
    expect(rule.cache).toBe(cache);
    expect(rule.crossOrigin === true).toBe(crossOrigin);
    expect(rule.framable === true).toBe(framable);
  });

  test('an embed page is framable and typed by its file', () => {
    expect(contentTypeOf('/embed/notice/x/', '/build/embed/notice/x/index.html')).toBe('text/html; charset=utf-8');
    expect(CACHE_CONTROL[servingRule('/embed/').cache]).toBe('public, no-cache');
  });

  test('attachments: PDFs and images open, anything else is saved', () => {
    expect(servingRule('/zalaczniki/ab12/wniosek.pdf').download).toBeUndefined();
    expect(servingRule('/zalaczniki/ab12/wniosek.docx').download).toBe(true);
  });

  test('a complete build has each language’s home, feeds and widget data', () => {
    for (const locale of LOCALES) {
      for (const path of [outputPaths.feed(locale).rss, outputPaths.feed(locale).json, outputPaths.widget(locale)])
        expect(REQUIRED_FILES).toContain(path.slice(1));
    }
  });
});
