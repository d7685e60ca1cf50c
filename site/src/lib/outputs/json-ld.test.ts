import { describe, expect, test } from 'vitest';
import { serializeJsonLd, specialAnnouncement } from './json-ld.ts';
import { BASE_URL, testInstitution, testNotice } from './test-notices.ts';

const context = { baseUrl: BASE_URL, institution: testInstitution(), feedPath: '/rss.xml' };

describe('JSON-LD SpecialAnnouncement (pure function)', () => {
  test.each([
    ['with an end', {}, '2020-03-26T00:00:00+01:00'],
    ['until further notice', { effectiveUntil: undefined }, undefined],
  ])('%s: expires as announced', (_name, overrides, expires) => {
    const data = specialAnnouncement(testNotice(overrides), context);
    expect(data).toMatchObject({
      '@type': 'SpecialAnnouncement',
      url: 'https://tablica.example.org/komunikaty/zamkniecie-filii-biblioteki/',
      publisher: { '@type': 'GovernmentOrganization', name: 'Miejska Biblioteka Publiczna w Brzozowie' },
      webFeed: 'https://tablica.example.org/rss.xml',
    });
    expect((data as { expires?: string }).expires).toBe(expires);
  });

  test.each(['</script><script>alert(1)</script>', 'a & b < c > d'])(
    '%s cannot end the script element, and reads back exactly',
    (title) => {
      const json = serializeJsonLd(specialAnnouncement(testNotice({ title: `Komunikat ${title}` }), context));
      expect(json).not.toMatch(/[<>&\u2028\u2029]/);
      expect(JSON.parse(json).name).toBe(`Komunikat ${title}`);
    },
  );

  test('line and paragraph separators are escaped too (old JavaScript parsers end a string there)', () => {
    const json = serializeJsonLd({ text: 'line\u2028separator\u2029paragraph' });
    expect(json).toBe('{"text":"line\\u2028separator\\u2029paragraph"}');
    expect(JSON.parse(json).text).toBe('line\u2028separator\u2029paragraph');
  });

  test('places are described in the page language and local time, as the page says them', () => {
    const suspensions = [{ facility: 'Filia nr 3', mode: 'closed', from: '2020-03-16', until: '2020-03-25' }];
    const pl = specialAnnouncement(testNotice({ suspensions }), context);
    const en = specialAnnouncement(testNotice({ suspensions, locale: 'en' }), context);
    expect(pl.announcementLocation).toEqual([
      { '@type': 'CivicStructure', name: 'Filia nr 3', description: 'Zamknięte, od 16 marca do 25 marca 2020 r.' },
    ]);
    expect(en.announcementLocation?.[0]?.description).toBe('Closed, from 16 March to 25 March 2020');
    expect(pl.datePosted).toBe('2020-03-13T12:00:00+01:00');
  });
});
