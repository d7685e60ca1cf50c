/**
 * Numbers, dates, times and phone numbers as a Polish presenter says them on air. Number-to-word
 * libraries give cardinals in the nominative; a date needs the genitive ordinal ("do dwudziestego
 * piątego marca") and an hour the feminine ordinal ("od ósmej do szesnastej"), so the few forms a
 * radio script needs are written out here, and table-tested against every value they cover:
 *
 * - cardinals 0–999 999 (nominative, as phone-number groups and minutes are read);
 * - days of the month 1–31 and the years 2000–2099 as genitive ordinals (dates: "do…", "od…");
 * - hours 0–23 as feminine ordinals, in the genitive that follows od, do, o and po, with minutes
 *   as cardinals ("ósmej trzydzieści", "ósmej zero pięć"), and midnight as "północy".
 */

const UNITS = ['zero', 'jeden', 'dwa', 'trzy', 'cztery', 'pięć', 'sześć', 'siedem', 'osiem', 'dziewięć'];
const TEENS = [
  'dziesięć',
  'jedenaście',
  'dwanaście',
  'trzynaście',
  'czternaście',
  'piętnaście',
  'szesnaście',
  'siedemnaście',
  'osiemnaście',
  'dziewiętnaście',
];
const TENS = [
  '',
  '',
  'dwadzieścia',
  'trzydzieści',
  'czterdzieści',
  'pięćdziesiąt',
  'sześćdziesiąt',
  'siedemdziesiąt',
  'osiemdziesiąt',
  'dziewięćdziesiąt',
];
const HUNDREDS = [
  '',
  'sto',
  'dwieście',
  'trzysta',
  'czterysta',
  'pięćset',
  'sześćset',
  'siedemset',
  'osiemset',
  'dziewięćset',
];

/** 0–999 in words, without "zero" for the parts that are empty. */
function belowThousand(n: number): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds > 0) words.push(HUNDREDS[hundreds] as string);
  if (rest >= 20) {
    words.push(TENS[Math.floor(rest / 10)] as string);
    if (rest % 10 > 0) words.push(UNITS[rest % 10] as string);
  } else if (rest >= 10) {
    words.push(TEENS[rest - 10] as string);
  } else if (rest > 0) {
    words.push(UNITS[rest] as string);
  }
  return words;
}

/** "tysiąc", "dwa tysiące", "pięć tysięcy", "dwadzieścia dwa tysiące", "sto dwanaście tysięcy". */
function thousandsWord(n: number): string {
  if (n === 1) return 'tysiąc';
  const lastTwo = n % 100;
  const last = n % 10;
  return last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14) ? 'tysiące' : 'tysięcy';
}

/** A whole number 0–999 999 in words (nominative): 616 → "sześćset szesnaście". */
export function cardinal(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999) throw new RangeError(`no words for ${n}`);
  if (n === 0) return 'zero';
  const thousands = Math.floor(n / 1000);
  const words: string[] = [];
  if (thousands === 1) words.push('tysiąc');
  else if (thousands > 1) words.push(...belowThousand(thousands), thousandsWord(thousands));
  words.push(...belowThousand(n % 1000));
  return words.join(' ');
}

// Genitive masculine/neuter ordinals: "(do) piątego (marca)", "(roku) dwa tysiące dwudziestego".
const ORDINAL_UNITS = [
  '',
  'pierwszego',
  'drugiego',
  'trzeciego',
  'czwartego',
  'piątego',
  'szóstego',
  'siódmego',
  'ósmego',
  'dziewiątego',
];
const ORDINAL_TEENS = [
  'dziesiątego',
  'jedenastego',
  'dwunastego',
  'trzynastego',
  'czternastego',
  'piętnastego',
  'szesnastego',
  'siedemnastego',
  'osiemnastego',
  'dziewiętnastego',
];
const ORDINAL_TENS = [
  '',
  '',
  'dwudziestego',
  'trzydziestego',
  'czterdziestego',
  'pięćdziesiątego',
  'sześćdziesiątego',
  'siedemdziesiątego',
  'osiemdziesiątego',
  'dziewięćdziesiątego',
];

/** 1–99 as a genitive ordinal: 25 → "dwudziestego piątego". */
function ordinalGenitiveBelowHundred(n: number): string {
  if (n < 10) return ORDINAL_UNITS[n] as string;
  if (n < 20) return ORDINAL_TEENS[n - 10] as string;
  const unit = n % 10;
  return [ORDINAL_TENS[Math.floor(n / 10)], unit > 0 ? ORDINAL_UNITS[unit] : undefined].filter(Boolean).join(' ');
}

/** The day of the month after "do", "od", "dnia": 25 → "dwudziestego piątego". */
export function dayOfMonthGenitive(day: number): string {
  if (!Number.isInteger(day) || day < 1 || day > 31) throw new RangeError(`no day ${day}`);
  return ordinalGenitiveBelowHundred(day);
}

const MONTHS_GENITIVE = [
  'stycznia',
  'lutego',
  'marca',
  'kwietnia',
  'maja',
  'czerwca',
  'lipca',
  'sierpnia',
  'września',
  'października',
  'listopada',
  'grudnia',
];

/** A year of this century after a date: 2020 → "dwa tysiące dwudziestego roku". */
export function yearGenitive(year: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 2099) throw new RangeError(`no words for the year ${year}`);
  if (year === 2000) return 'dwutysięcznego roku';
  return `dwa tysiące ${ordinalGenitiveBelowHundred(year - 2000)} roku`;
}

/**
 * A calendar date as it follows "do", "od" or "dnia": "dwudziestego piątego marca"; the year is
 * said only when asked for (a script says it when the date is not in the current year).
 */
export function spokenDate(date: { year: number; month: number; day: number }, withYear = false): string {
  const month = MONTHS_GENITIVE[date.month - 1];
  if (!month) throw new RangeError(`no month ${date.month}`);
  const text = `${dayOfMonthGenitive(date.day)} ${month}`;
  return withYear ? `${text} ${yearGenitive(date.year)}` : text;
}

// Feminine ordinals in the genitive/locative ("od ósmej", "do szesnastej", "o dwudziestej pierwszej").
const HOURS = [
  'północy',
  'pierwszej',
  'drugiej',
  'trzeciej',
  'czwartej',
  'piątej',
  'szóstej',
  'siódmej',
  'ósmej',
  'dziewiątej',
  'dziesiątej',
  'jedenastej',
  'dwunastej',
  'trzynastej',
  'czternastej',
  'piętnastej',
  'szesnastej',
  'siedemnastej',
  'osiemnastej',
  'dziewiętnastej',
  'dwudziestej',
  'dwudziestej pierwszej',
  'dwudziestej drugiej',
  'dwudziestej trzeciej',
];

/**
 * A time of day after "od", "do", "o" or "po": 8:00 → "ósmej", 8:30 → "ósmej trzydzieści",
 * 8:05 → "ósmej zero pięć", 0:00 → "północy", 0:15 → "zero piętnaście".
 */
export function spokenTime(hour: number, minute = 0): string {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new RangeError(`no hour ${hour}`);
  if (!Number.isInteger(minute) || minute < 0 || minute > 59) throw new RangeError(`no minute ${minute}`);
  // Past midnight is read with the hour's cardinal: "zero piętnaście", not "północy piętnaście".
  const hourWords = hour === 0 && minute > 0 ? 'zero' : (HOURS[hour] as string);
  if (minute === 0) return hourWords;
  return `${hourWords} ${minute < 10 ? `zero ${UNITS[minute]}` : cardinal(minute)}`;
}

/** "8:00", "08.30" → spokenTime; undefined when the text is not a time of day. */
export function spokenTimeText(text: string): string | undefined {
  const match = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(text.trim());
  return match ? spokenTime(Number(match[1]), Number(match[2])) : undefined;
}

/**
 * Times written in free text, where the preposition fixes the case: "od 8:00 do 14:00" → "od ósmej
 * do czternastej", "o 9.30" → "o dziewiątej trzydzieści", "8:00–16:00" → "od ósmej do szesnastej".
 * A time after any other word is left as written (its case would depend on that word).
 */
export function spokenTimesInText(text: string): string {
  const time = '([01]?\\d|2[0-3])[:.]([0-5]\\d)';
  const range = new RegExp(`(^|[\\s(])${time}\\s*[-–—]\\s*${time}(?=$|[\\s),.;])`, 'g');
  const afterPreposition = new RegExp(`(^|[\\s(])(od|do|o|po|około|ok\\.)\\s+${time}(?=$|[\\s),.;])`, 'gi');
  return text
    .replace(
      range,
      (_all, lead: string, h1: string, m1: string, h2: string, m2: string) =>
        `${lead}od ${spokenTime(Number(h1), Number(m1))} do ${spokenTime(Number(h2), Number(m2))}`,
    )
    .replace(
      afterPreposition,
      (_all, lead: string, word: string, hour: string, minute: string) =>
        `${lead}${word} ${spokenTime(Number(hour), Number(minute))}`,
    );
}

/**
 * Dates written in free text, said as dates are said in Polish — the genitive ordinal: "do 25
 * marca" → "do dwudziestego piątego marca", "od 1 kwietnia 2026 r." → "od pierwszego kwietnia dwa
 * tysiące dwudziestego szóstego roku". A number before anything but a month's name is left alone.
 */
export function spokenDatesInText(text: string): string {
  const months = MONTHS_GENITIVE.join('|');
  const date = new RegExp(
    `(^|[^\\p{L}\\p{N}])([1-9]|[12]\\d|3[01]) (${months})(?: (20\\d\\d)(?: ?r(?:oku|\\.)?)?)?(?=$|[^\\p{L}\\p{N}])`,
    'gu',
  );
  return text.replace(date, (_all, lead: string, day: string, month: string, year: string | undefined) => {
    const words = `${dayOfMonthGenitive(Number(day))} ${month}`;
    return `${lead}${year ? `${words} ${yearGenitive(Number(year))}` : words}`;
  });
}

/**
 * A phone number read in the groups it is written in: "12 616 55 80" → "dwanaście, sześćset
 * szesnaście, pięćdziesiąt pięć, osiemdziesiąt"; a group starting with 0 is read digit by digit
 * ("05" → "zero pięć"), as is any group longer than three digits. The city lines and the EU's
 * 116 lines are said as they are advertised: "19115" → "dziewiętnaście, sto piętnaście".
 */
export function spokenPhoneGroups(display: string): string {
  const grouped = display.replace(/^(19|116)(\d{3})$/, '$1 $2');
  return grouped
    .replace(/^\+48\s*/, '')
    .split(/[\s-]+/)
    .filter((group) => /^\d+$/.test(group))
    .map((group) =>
      group.startsWith('0') || group.length > 3
        ? [...group].map((digit) => UNITS[Number(digit)]).join(' ')
        : cardinal(Number(group)),
    )
    .join(', ');
}

const DOMAIN_WORDS: Record<string, string> = {
  pl: 'pe el',
  eu: 'e u',
  com: 'kom',
  gov: 'gow',
  org: 'org',
  net: 'net',
  www: 'wu wu wu',
};

/**
 * A web or e-mail address as said on air: "mops.czestochowa.pl" → "mops kropka czestochowa kropka
 * pe el", "sekretariat@mops.pl" → "sekretariat małpa mops kropka pe el". Letters that are not
 * words (hyphens, digits) are said as such.
 */
export function spokenAddress(address: string): string {
  const say = (part: string) =>
    part
      .toLowerCase()
      .split('.')
      .filter(Boolean)
      .map((label) => DOMAIN_WORDS[label] ?? label.replaceAll('-', ' myślnik ').replaceAll('_', ' podkreślnik '))
      .join(' kropka ');
  const [local, domain] = address.split('@');
  return domain === undefined ? say(address) : `${say(local ?? '')} małpa ${say(domain)}`;
}
