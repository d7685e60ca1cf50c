import type { Notice } from '@tablica/shared';
import { describe, expect, test } from 'vitest';
import { CAP_XSD, childText, parseXmlStrict, xmllint } from '../../../../tests/support/xml.ts';
import { capMessage, capMessageType } from './cap.ts';
import { BASE_URL, testInstitution, testNotice } from './test-notices.ts';

const context = { baseUrl: BASE_URL, institution: testInstitution() };

/** A message of these texts, sent when the first was last updated, following nothing. */
const version = (translations: Notice[]) => ({
  translations,
  sent: translations[0]?.updatedAt ?? new Date(),
  references: [],
});

describe('CAP 1.2 (pure function, validated against the OASIS schema)', () => {
  test.each([
    ['a first version', {}, 'Alert'],
    ['a later version', { revision: 2 }, 'Update'],
    ['a successor of another notice', { supersedes: 'poprzedni-komunikat' }, 'Update'],
    ['lifted', { revision: 2, liftedAt: '2020-03-18T10:00:00+01:00' }, 'Cancel'],
  ])('%s → %s', async (_name, overrides, type) => {
    const notice = testNotice(overrides);
    expect(capMessageType(notice)).toBe(type);
    const xml = capMessage(version([notice]), context);
    expect((await xmllint(xml, 'cap.xml', CAP_XSD)).valid).toBe(true);
    expect(childText(parseXmlStrict(xml), 'msgType')).toBe(type);
  });

  test('one info per language, each with its own language tag and address', () => {
    const xml = capMessage(
      version([
        testNotice(),
        testNotice({ locale: 'en', title: 'Branch library no. 3 closed', summary: 'Closed until 25 March.' }),
      ]),
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
    const xml = capMessage(version([testNotice({ title: 'Zamknięcie </headline><script>x</script> & co' })]), context);
    expect((await xmllint(xml, 'cap.xml', CAP_XSD)).valid).toBe(true);
    expect(childText(parseXmlStrict(xml), 'headline')).toBe('Zamknięcie </headline><script>x</script> & co');
  });

  test('contact carries every channel, preferred first, with extensions, hours and notes; advisories are instructions', async () => {
    const notice = testNotice({
      channels: [
        { kind: 'email', label: 'E-mail', value: 'Sekretariat@mops.example.pl' },
        {
          kind: 'phone',
          label: 'Sekretariat',
          value: '12 616 55 80',
          extension: '214',
          preferred: true,
          hours: 'pn–pt 8–15',
        },
        { kind: 'phone', label: 'Pogotowie wodociągowe', value: '994', note: 'całodobowo' },
      ],
      procedures: [{ text: 'Zadzwoń przed wizytą.' }],
      advisories: [
        { tone: 'info', title: 'Beczkowóz', text: 'Beczkowóz stoi przy ul. Lipowej 5.' },
        { tone: 'warning', text: 'Nie pij wody z kranu.' },
      ],
    });
    const xml = capMessage(version([notice]), context);
    expect((await xmllint(xml, 'cap.xml', CAP_XSD)).valid).toBe(true);
    expect(childText(parseXmlStrict(xml), 'contact')).toBe(
      [
        'Sekretariat: +48 12 616 55 80 wew. 214 (Godziny: pn–pt 8–15)',
        'E-mail: sekretariat@mops.example.pl',
        'Pogotowie wodociągowe: 994 (całodobowo)',
      ].join('\n'),
    );
    expect(childText(parseXmlStrict(xml), 'instruction')).toBe(
      '1. Zadzwoń przed wizytą.\n\nInformacja: Beczkowóz\nBeczkowóz stoi przy ul. Lipowej 5.\n\nUwaga\nNie pij wody z kranu.',
    );
  });

  test('a message reads the same in every build: urgency and certainty are as at the time it was sent', () => {
    // Sent on 13 March for a closure from 16 March: "Future" then, and in any later build.
    const xml = parseXmlStrict(capMessage(version([testNotice()]), context));
    expect(childText(xml, 'urgency')).toBe('Future');
    expect(childText(xml, 'certainty')).toBe('Likely');
  });

  test('references name every earlier message by sender, identifier and sent time, in local time', async () => {
    const notice = testNotice({ revision: 3, liftedAt: '2020-03-18T10:00:00+01:00' });
    const xml = capMessage(
      {
        translations: [notice],
        sent: new Date('2020-03-18T10:00:00+01:00'),
        references: [
          { slug: notice.slug, revision: 1, sent: new Date('2020-03-13T11:00:00Z'), timeZone: 'Europe/Warsaw' },
          { slug: notice.slug, revision: 2, sent: new Date('2020-03-16T07:30:00Z'), timeZone: 'Europe/Warsaw' },
        ],
      },
      context,
    );
    expect((await xmllint(xml, 'cap.xml', CAP_XSD)).valid).toBe(true);
    const alert = parseXmlStrict(xml);
    expect(childText(alert, 'msgType')).toBe('Cancel');
    expect(childText(alert, 'sent')).toBe('2020-03-18T10:00:00+01:00');
    expect(childText(alert, 'references')).toBe(
      [
        'tablica@tablica.example.org,urn:tablica:tablica.example.org:zamkniecie-filii-biblioteki:v1,2020-03-13T12:00:00+01:00',
        'tablica@tablica.example.org,urn:tablica:tablica.example.org:zamkniecie-filii-biblioteki:v2,2020-03-16T08:30:00+01:00',
      ].join(' '),
    );
  });
});
