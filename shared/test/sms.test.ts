import fc from 'fast-check';
import { SegmentedMessage } from 'sms-segments-calculator';
import { describe, expect, it } from 'vitest';
import demo from '../fixtures/demo.json' with { type: 'json' };
import { isGsm7, smsSize, toGsm7 } from '../src/broadcast/sms.ts';

/** Twilio's segment calculator: the independent count our own is held to. */
const theirs = (text: string) => {
  const message = new SegmentedMessage(text);
  return { encoding: message.encodingName, segments: message.segmentsCount };
};
const ours = (text: string) => {
  const { encoding, segments } = smsSize(text);
  return { encoding, segments };
};

const HOSTILE = [
  'Zamknięte 🚰🚱 do odwołania 👍🏽👨‍👩‍👧',
  '\u202Eodwrócony\u202C tekst \u2066izolowany\u2069 i \u200Bzero\u200Dwidth\uFEFF',
  'Combining: e\u0301 a\u0328 z\u0307 o\u0301 — and Zalgo z̸̢̛̺a̴̡͈l̵̨̛g̶̢͝o̷̧͠',
  'Wszystkie nawiasy {[]} ~ ^ | \\ € i cudzysłowy „polskie” «francuskie»',
  'Київ, Запоріжжя, Юрій, Ярослав, Їжакевич, Йосип, щастя, Ґудзь — з 8:00',
  'ŁÓDŹ Żółć gęślą jaźń',
  `${'Długi komunikat ze znakami ąęłóżźćńś. '.repeat(260)}`,
];

describe('GSM-7 text, as Alert RCB sends Polish', () => {
  it.each([
    ['Zażółć gęślą jaźń, ŁÓDŹ', 'Zazolc gesla jazn, LODZ'],
    ['„Do odwołania” – biuro… (ul. Żelazna 3)', '"Do odwolania" - biuro... (ul. Zelazna 3)'],
    ['Київ, Запоріжжя, Юрій, Ярослав', 'Kyiv, Zaporizhzhia, Yurii, Yaroslav'],
    // KMU 2010: an apostrophe is not spelt, and the letter after it is inside the word.
    ["Зам'ятня, м’ясо, пʼять; 'Яр'", "Zamiatnia, miaso, piat; 'Yar'"],
    ['Woda 🚰 od 8:00\u00A0do 14:00', 'Woda od 8:00 do 14:00'],
    ['e\u0301 a\u0328 \u202Esecret\u202C', 'e a secret'],
    ['Cena 10 €, pokój [A]', 'Cena 10 €, pokój [A]'.replace('ó', 'o')],
    ['Linia 1\r\nLinia 2', 'Linia 1\nLinia 2'],
  ])('%s → %s', (text, gsm) => {
    expect(toGsm7(text)).toBe(gsm);
    expect(isGsm7(toGsm7(text))).toBe(true);
  });

  it('turns any text into GSM-7 with no Polish letters left', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const gsm = toGsm7(text);
        return isGsm7(gsm) && !/[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]/.test(gsm);
      }),
      { numRuns: 2_000 },
    );
  });

  it('turns hostile content (emoji, bidi and zero-width controls, combining marks, 10 KB) into GSM-7 text', () => {
    for (const text of HOSTILE) {
      const gsm = toGsm7(text);
      expect(isGsm7(gsm), text.slice(0, 40)).toBe(true);
      expect(gsm).not.toMatch(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/);
    }
  });
});

describe('segments, as Twilio’s calculator counts them', () => {
  it.each([
    ['a'.repeat(160), { encoding: 'GSM-7', segments: 1 }],
    ['a'.repeat(161), { encoding: 'GSM-7', segments: 2 }],
    ['a'.repeat(306), { encoding: 'GSM-7', segments: 2 }],
    ['a'.repeat(307), { encoding: 'GSM-7', segments: 3 }],
    ['€'.repeat(80), { encoding: 'GSM-7', segments: 1 }],
    ['ą'.repeat(70), { encoding: 'UCS-2', segments: 1 }],
    ['ą'.repeat(71), { encoding: 'UCS-2', segments: 2 }],
    ['😀'.repeat(35), { encoding: 'UCS-2', segments: 1 }],
  ])('%#: %o', (text, expected) => {
    expect(ours(text)).toEqual(expected);
    expect(theirs(text)).toEqual(expected);
  });

  it('agrees on every demo notice’s texts, as written and in GSM-7', () => {
    const texts = demo.notices.flatMap((notice) =>
      [notice.title, notice.summary, `${notice.title}\n${notice.summary}`].flatMap((text) => [text, toGsm7(text)]),
    );
    expect(texts.length).toBeGreaterThan(30);
    for (const text of texts) expect(ours(text), text).toEqual(theirs(text));
  });

  it('agrees on hostile content and on random mixes of GSM, extension, Polish and emoji characters', () => {
    for (const text of HOSTILE) expect(ours(text), text.slice(0, 40)).toEqual(theirs(text));
    const unit = fc.constantFrom(...[...'aZ09 .,\n@£€[]{}~^|\\ąęłŻ„”–…😀👍🏽'], '👨‍👩‍👧', 'é');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 500 }), (text) => {
        expect(ours(text)).toEqual(theirs(text));
      }),
      { numRuns: 1_000 },
    );
  });
});
