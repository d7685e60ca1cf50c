import { toCardinal, toOrdinal } from 'n2words/pl-PL';
import { describe, expect, it } from 'vitest';
import {
  cardinal,
  dayOfMonthGenitive,
  spokenAddress,
  spokenDate,
  spokenDatesInText,
  spokenPhoneGroups,
  spokenTime,
  spokenTimesInText,
  yearGenitive,
} from '../src/broadcast/spoken-polish.ts';

/** n2words gives nominative ordinals ("dwudziesty piąty"); the genitive changes each word's ending. */
const genitive = (nominative: string, feminine = false) =>
  nominative
    .split(' ')
    .map((word) => word.replace(/y$/, feminine ? 'ej' : 'ego').replace(/i$/, feminine ? 'iej' : 'iego'))
    .join(' ');

describe('spoken Polish: numbers', () => {
  it('says every whole number 0–999 999 as an independent library (n2words) does', () => {
    const differing: string[] = [];
    for (let n = 0; n <= 999_999; n += 1) {
      const ours = cardinal(n);
      const theirs = toCardinal(n);
      if (ours !== theirs) differing.push(`${n}: ${ours} ≠ ${theirs}`);
    }
    expect(differing).toEqual([]);
  });

  it.each([
    [2, 'dwa'],
    [12, 'dwanaście'],
    [22_000, 'dwadzieścia dwa tysiące'],
    [12_000, 'dwanaście tysięcy'],
    [112, 'sto dwanaście'],
    [994, 'dziewięćset dziewięćdziesiąt cztery'],
  ])('%i → %s', (n, words) => {
    expect(cardinal(n)).toBe(words);
  });

  it('refuses what it has no words for', () => {
    for (const n of [-1, 1.5, 1_000_000, Number.NaN]) expect(() => cardinal(n)).toThrow(RangeError);
  });
});

describe('spoken Polish: dates', () => {
  it('says every day of the month in the genitive, as the nominative ordinal declines', () => {
    for (let day = 1; day <= 31; day += 1) {
      expect(dayOfMonthGenitive(day), String(day)).toBe(genitive(toOrdinal(day)));
    }
  });

  it.each([
    [{ year: 2020, month: 3, day: 25 }, 'dwudziestego piątego marca'],
    [{ year: 2020, month: 1, day: 1 }, 'pierwszego stycznia'],
    [{ year: 2020, month: 2, day: 29 }, 'dwudziestego dziewiątego lutego'],
    [{ year: 2020, month: 4, day: 10 }, 'dziesiątego kwietnia'],
    [{ year: 2020, month: 5, day: 3 }, 'trzeciego maja'],
    [{ year: 2020, month: 6, day: 2 }, 'drugiego czerwca'],
    [{ year: 2020, month: 7, day: 11 }, 'jedenastego lipca'],
    [{ year: 2020, month: 8, day: 15 }, 'piętnastego sierpnia'],
    [{ year: 2020, month: 9, day: 30 }, 'trzydziestego września'],
    [{ year: 2020, month: 10, day: 12 }, 'dwunastego października'],
    [{ year: 2020, month: 11, day: 22 }, 'dwudziestego drugiego listopada'],
    [{ year: 2020, month: 12, day: 31 }, 'trzydziestego pierwszego grudnia'],
  ])('%o → "do %s"', (date, words) => {
    expect(spokenDate(date)).toBe(words);
  });

  it('says the year when asked, for every year of the century', () => {
    expect(spokenDate({ year: 2020, month: 3, day: 25 }, true)).toBe(
      'dwudziestego piątego marca dwa tysiące dwudziestego roku',
    );
    expect(yearGenitive(2000)).toBe('dwutysięcznego roku');
    for (let year = 2001; year <= 2099; year += 1) {
      expect(yearGenitive(year)).toBe(`dwa tysiące ${genitive(toOrdinal(year - 2000))} roku`);
    }
  });
});

describe('spoken Polish: dates in free text', () => {
  it.each([
    ['Do 25 marca zawieszono działalność.', 'Do dwudziestego piątego marca zawieszono działalność.'],
    [
      'od 1 kwietnia 2026 r. do 3 maja',
      'od pierwszego kwietnia dwa tysiące dwudziestego szóstego roku do trzeciego maja',
    ],
    ['Spotkanie 12 grudnia 2020 roku.', 'Spotkanie dwunastego grudnia dwa tysiące dwudziestego roku.'],
    ['Zostało 5 osób, a 32 marca nie ma.', 'Zostało 5 osób, a 32 marca nie ma.'],
    ['Odległość 1,5 metra i 125 marca', 'Odległość 1,5 metra i 125 marca'],
  ])('%s', (text, spoken) => {
    expect(spokenDatesInText(text)).toBe(spoken);
  });
});

describe('spoken Polish: times', () => {
  it('says every full hour as a feminine ordinal after od/do/o, midnight as "północy"', () => {
    expect(spokenTime(0)).toBe('północy');
    for (let hour = 1; hour <= 23; hour += 1) {
      expect(spokenTime(hour), String(hour)).toBe(genitive(toOrdinal(hour), true));
    }
  });

  it.each([
    [8, 30, 'ósmej trzydzieści'],
    [8, 5, 'ósmej zero pięć'],
    [15, 45, 'piętnastej czterdzieści pięć'],
    [21, 15, 'dwudziestej pierwszej piętnaście'],
    [0, 15, 'zero piętnaście'],
  ])('%i:%i → %s', (hour, minute, words) => {
    expect(spokenTime(hour, minute)).toBe(words);
  });

  it.each([
    ['Nie będzie wody od 8:00 do 14:00.', 'Nie będzie wody od ósmej do czternastej.'],
    [
      'Przyjmujemy 8:00–16:00, w piątki 8.30-15.30.',
      'Przyjmujemy od ósmej do szesnastej, w piątki od ósmej trzydzieści do piętnastej trzydzieści.',
    ],
    ['Beczkowóz przyjedzie o 9:30 (około 10:00).', 'Beczkowóz przyjedzie o dziewiątej trzydzieści (około dziesiątej).'],
    // The case after "przed" is different ("przed ósmą"): left as written.
    ['Prosimy dzwonić przed 8:00.', 'Prosimy dzwonić przed 8:00.'],
    ['Numer 12:99 i godzina 25:00 nie są czasem.', 'Numer 12:99 i godzina 25:00 nie są czasem.'],
  ])('in text: %s', (text, spoken) => {
    expect(spokenTimesInText(text)).toBe(spoken);
  });
});

describe('spoken Polish: phone numbers and addresses', () => {
  it.each([
    ['+48 12 616 55 80', 'dwanaście, sześćset szesnaście, pięćdziesiąt pięć, osiemdziesiąt'],
    ['+48 601 234 567', 'sześćset jeden, dwieście trzydzieści cztery, pięćset sześćdziesiąt siedem'],
    ['+48 34 370 82 05', 'trzydzieści cztery, trzysta siedemdziesiąt, osiemdziesiąt dwa, zero pięć'],
    ['994', 'dziewięćset dziewięćdziesiąt cztery'],
    ['112', 'sto dwanaście'],
    ['19115', 'dziewiętnaście, sto piętnaście'],
    ['116123', 'sto szesnaście, sto dwadzieścia trzy'],
    ['+48 22 1234567', 'dwadzieścia dwa, jeden dwa trzy cztery pięć sześć siedem'],
  ])('%s → %s', (display, words) => {
    expect(spokenPhoneGroups(display)).toBe(words);
  });

  it.each([
    ['mops.czestochowa.pl', 'mops kropka czestochowa kropka pe el'],
    ['sekretariat@mops-czestochowa.pl', 'sekretariat małpa mops myślnik czestochowa kropka pe el'],
    ['www.gov.pl', 'wu wu wu kropka gow kropka pe el'],
  ])('%s → %s', (address, words) => {
    expect(spokenAddress(address)).toBe(words);
  });
});
