import { describe, expect, test } from 'vitest';
import { childText, parseXmlStrict } from '../../../../tests/support/xml.ts';
import { rssXml } from './rss.ts';
import { BASE_URL, testFeed, testNotice } from './test-notices.ts';

const items = async (...notices: ReturnType<typeof testNotice>[]) => {
  const document = parseXmlStrict(await rssXml(testFeed(notices), BASE_URL), 'rss.xml');
  return [...document.getElementsByTagName('item')];
};

describe('RSS (pure function)', () => {
  test.each([
    ['a first version', {}, 'Zamknięcie filii biblioteki nr 3', '#v1'],
    ['a changed notice reads as news', { revision: 3 }, 'Aktualizacja: Zamknięcie filii biblioteki nr 3', '#v3'],
    [
      'a lifted notice says so',
      { revision: 2, liftedAt: '2020-03-18T10:00:00+01:00' },
      'Odwołano: Zamknięcie filii biblioteki nr 3',
      '#v2',
    ],
  ])('%s: title and a guid per version', async (_name, overrides, title, version) => {
    const [item] = await items(testNotice(overrides));
    expect(item && childText(item, 'title')).toBe(title);
    expect(item && childText(item, 'guid')).toBe(
      `https://tablica.example.org/komunikaty/zamkniecie-filii-biblioteki/${version}`,
    );
    expect(item && childText(item, 'link')).toBe('https://tablica.example.org/komunikaty/zamkniecie-filii-biblioteki/');
  });

  test.each([
    ['markup', 'Zamknięcie <script>alert(1)</script> filii'],
    ['entities and quotes', 'Zamknięcie & „filii” <b>nr</b> 3 "x"'],
  ])('%s in a title stays text: the feed parses and says it verbatim', async (_name, title) => {
    const [item] = await items(testNotice({ title }));
    expect(item && childText(item, 'title')).toBe(title);
  });

  test('an English notice is linked at its English address; the feed names its language', async () => {
    const xml = await rssXml(
      testFeed([testNotice({ locale: 'en', title: 'Branch library no. 3 closed' })], { language: 'en' }),
      BASE_URL,
    );
    const document = parseXmlStrict(xml);
    expect(childText(document, 'language')).toBe('en');
    expect(childText(document.getElementsByTagName('item')[0] as Element, 'link')).toBe(
      'https://tablica.example.org/en/notices/zamkniecie-filii-biblioteki/',
    );
  });
});
