import { describe, expect, test } from 'vitest';
import { CAP_XSD, childText, parseXmlStrict, xmllint } from '../../../../tests/support/xml.ts';
import { capMessage, capMessageType } from './cap.ts';
import { BASE_URL, NOW, testInstitution, testNotice } from './test-notices.ts';

const context = { baseUrl: BASE_URL, now: NOW, institution: testInstitution(), superseded: undefined };

describe('CAP 1.2 (pure function, validated against the OASIS schema)', () => {
  test.each([
    ['a first version', {}, 'Alert'],
    ['a later version', { revision: 2 }, 'Update'],
    ['a successor of another notice', { supersedes: 'poprzedni-komunikat' }, 'Update'],
    ['lifted', { revision: 2, liftedAt: '2020-03-18T10:00:00+01:00' }, 'Cancel'],
  ])('%s → %s', async (_name, overrides, type) => {
    const notice = testNotice(overrides);
    expect(capMessageType(notice)).toBe(type);
    const xml = capMessage([notice], context);
    expect((await xmllint(xml, 'cap.xml', CAP_XSD)).valid).toBe(true);
    expect(childText(parseXmlStrict(xml), 'msgType')).toBe(type);
  });

  test('one info per language, each with its own language tag and address', () => {
    const xml = capMessage(
      [
        testNotice(),
        testNotice({ locale: 'en', title: 'Branch library no. 3 closed', summary: 'Closed until 25 March.' }),
      ],
      context,
    );
    const infos = [...parseXmlStrict(xml).getElementsByTagName('info')];
    expect(infos.map((info) => childText(info, 'language'))).toEqual(['pl-PL', 'en-GB']);
    expect(infos.map((info) => childText(info, 'web'))).toEqual([
      'https://tablica.example.org/komunikaty/zamkniecie-filii-biblioteki/',
      'https://tablica.example.org/en/notices/zamkniecie-filii-biblioteki/',
    ]);
  });

  test('markup in any text stays text and the message stays valid', async () => {
    const xml = capMessage([testNotice({ title: 'Zamknięcie </headline><script>x</script> & co' })], context);
    expect((await xmllint(xml, 'cap.xml', CAP_XSD)).valid).toBe(true);
    expect(childText(parseXmlStrict(xml), 'headline')).toBe('Zamknięcie </headline><script>x</script> & co');
  });
});
