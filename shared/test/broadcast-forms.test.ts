import { SegmentedMessage } from 'sms-segments-calculator';
import { describe, expect, it } from 'vitest';
import demo from '../fixtures/demo.json' with { type: 'json' };
import { broadcastForms, type FormsSource } from '../src/broadcast/forms.ts';
import { isGsm7, toGsm7 } from '../src/broadcast/sms.ts';
import { loadSnapshot, type Notice } from '../src/index.ts';

const NOW = new Date();
const SITE = 'tablica.brzozow.example.org';
const { institutions, notices } = loadSnapshot(demo, { now: NOW });

function sourceOf(notice: Notice, now = NOW): FormsSource {
  const institution = institutions.find((candidate) => candidate.slug === notice.institution);
  if (!institution) throw new Error(`no institution ${notice.institution}`);
  return {
    notice,
    institutionName: institution.name,
    institutionShortName: institution.shortName,
    siteHost: SITE,
    now,
    pageUrl: `https://${SITE}/komunikaty/${notice.slug}/`,
  };
}
const formsOf = (notice: Notice, now = NOW) => broadcastForms(sourceOf(notice, now), notice.locale);
const noticeOf = (slug: string, locale = 'pl') => {
  const notice = notices.find((candidate) => candidate.slug === slug && candidate.locale === locale);
  if (!notice) throw new Error(`no ${locale} ${slug}`);
  return notice;
};
const MONTH =
  /\b\d{1,2} (stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia)/;

describe('radio scripts', () => {
  it.each(notices.map((notice) => [`${notice.locale} ${notice.slug}`, notice] as const))(
    '%s: the institution first, no raw address, the short one within 30 seconds',
    (_name, notice) => {
      const { radio } = formsOf(notice);
      const institution = sourceOf(notice).institutionName;
      for (const script of [radio.short, radio.full]) {
        expect(script.text.startsWith(institution)).toBe(true);
        expect(script.text).not.toMatch(/https?:|www\.|\/\/|@/);
        expect(script.seconds).toBe(Math.round((script.words / 150) * 60));
        if (notice.locale === 'pl') expect(script.text).not.toMatch(MONTH);
      }
      expect(radio.short.seconds).toBeLessThanOrEqual(30);
      expect(radio.full.words).toBeGreaterThanOrEqual(radio.short.words);
    },
  );

  it('says the seed notice’s dates and facilities in words, as a presenter reads them', () => {
    const march2020 = new Date('2020-03-14T10:00:00+01:00');
    const { radio } = formsOf(noticeOf('mops-czestochowa-koronawirus-zmiany-2020'), march2020);
    expect(radio.full.text).toContain('Komunikat obowiązuje od szesnastego marca do dwudziestego piątego marca.');
    expect(radio.full.text).toContain(
      'Centrum Pomocy Dziecku Niepełnosprawnemu i Jego Rodzinie w Częstochowie: zamknięte do dwudziestego piątego marca.',
    );
    expect(radio.full.text).toContain('Siedziba MOPS: tylko po wcześniejszym umówieniu.');
    expect(radio.full.text).toContain('e-mail mops małpa czestochowa kropka um kropka gow kropka pe el');
    expect(radio.short.text).toContain('Do dwudziestego piątego marca zawieszono działalność');
    // Read in another year, the year is said.
    const later = formsOf(noticeOf('mops-czestochowa-koronawirus-zmiany-2020'), new Date('2026-12-03T10:00:00Z'));
    expect(later.radio.full.text).toContain(
      'od szesnastego marca dwa tysiące dwudziestego roku do dwudziestego piątego marca dwa tysiące dwudziestego roku',
    );
  });

  it('reads the main phone in groups, short numbers as they are advertised, and times in words', () => {
    const water = formsOf(noticeOf('awaria-wodociagu-ul-lipowa'));
    expect(water.radio.full.text).toMatch(/telefon dziewięćset dziewięćdziesiąt cztery/);
    expect(water.radio.short.text).toMatch(
      /Kontakt: telefon trzydzieści dwa, pięćset pięćdziesiąt pięć, zero jeden, dziewięćdziesiąt dziewięć/,
    );
    const run = formsOf(noticeOf('bieg-uliczny-utrudnienia-w-ruchu'));
    expect(run.radio.full.text).toMatch(/obowiązuje [\p{L} ]+ od godziny ósmej trzydzieści do godziny czternastej\./u);
    expect(water.radio.full.text).toMatch(/obowiązuje od godziny szóstej [\p{L} ]+ do [\p{L} ]+\./u);
    const clinic = formsOf(noticeOf('szczepienia-przeciw-grypie-zmiana-godzin'));
    expect(clinic.radio.full.text).toContain('wewnętrzny 21');
  });

  it('says a lifted notice is lifted', () => {
    const notice = { ...noticeOf('awaria-wodociagu-ul-lipowa'), liftedAt: new Date(NOW.getTime() - 60_000) };
    expect(formsOf(notice).radio.short.text).toContain('Komunikat odwołano.');
  });
});

describe('SMS, banner and social post', () => {
  it.each(notices.map((notice) => [`${notice.locale} ${notice.slug}`, notice] as const))(
    '%s: within their limits, with the page’s address',
    (_name, notice) => {
      const { sms, banner, social } = formsOf(notice);
      const address = `${SITE}/komunikaty/${notice.slug}/`;
      expect(isGsm7(sms.oneSegment.text)).toBe(true);
      expect(sms.oneSegment.size).toMatchObject({ encoding: 'GSM-7', segments: 1 });
      expect(sms.oneSegment.text).toContain(address);
      expect(isGsm7(sms.alert.text)).toBe(true);
      expect(sms.alert.size.units).toBeLessThanOrEqual(306);
      expect(sms.alert.text).toContain(address);
      expect(sms.alert.text).not.toMatch(/[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]/);
      expect(sms.original.size.segments).toBe(new SegmentedMessage(sms.original.text).segmentsCount);
      expect([...new Intl.Segmenter('pl', { granularity: 'grapheme' }).segment(banner.text)].length).toBe(
        banner.length,
      );
      expect(banner.length).toBeLessThanOrEqual(30);
      expect(social.fits).toBe(true);
      expect(social.text.endsWith(`https://${address}`)).toBe(true);
    },
  );

  it('warns when the banner is a cut title (no headline) and keeps hostile text within every limit', () => {
    const base = noticeOf('filia-biblioteki-nr-3-zamknieta');
    const hostile: Notice = {
      ...base,
      headline: undefined,
      title: `Zamknięte 🚰👨‍👩‍👧 \u202Eodwrócone\u202C z\u0307o\u0301łte ${'bardzo długi tytuł '.repeat(7)}`.slice(
        0,
        160,
      ),
      summary: `${'Ąę 🚱 '.repeat(50)}`.slice(0, 300),
    };
    const forms = formsOf(hostile);
    expect(forms.banner.fits).toBe(false);
    expect(forms.banner.length).toBeLessThanOrEqual(30);
    expect(forms.banner.text.endsWith('…')).toBe(true);
    expect(forms.sms.oneSegment.size).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(forms.sms.alert.size.units).toBeLessThanOrEqual(306);
    expect(forms.sms.alert.text).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(forms.social.length).toBeLessThanOrEqual(280);
  });
});

describe('the warning message of the 2025 regulation, and its withdrawal', () => {
  const water = noticeOf('awaria-wodociagu-ul-lipowa');

  it('is made for a notice of a threat, with the five contents in order, in each language', () => {
    const warning = formsOf(water).warning;
    expect(warning?.kind).toBe('warning');
    const labels = (warning?.text ?? '')
      .split('\n')
      .filter((line) => !line.startsWith('- '))
      .flatMap((line) => /^([^:]+):/.exec(line)?.[1] ?? []);
    expect(labels.slice(0, 5)).toEqual([
      'Rodzaj zagrożenia',
      'Obszar',
      'Zalecenia — co robić',
      'Przewidywany czas trwania',
      'Inne informacje',
    ]);
    expect(formsOf(noticeOf('awaria-wodociagu-ul-lipowa', 'uk')).warning?.text).toMatch(
      /^ПОПЕРЕДЖУВАЛЬНЕ ПОВІДОМЛЕННЯ\nВид загрози: /,
    );
  });

  it('is not made for news that is no threat', () => {
    expect(formsOf(noticeOf('szczepienia-przeciw-grypie-zmiana-godzin')).warning).toBeUndefined();
    expect(formsOf(noticeOf('filia-biblioteki-nr-3-zamknieta')).warning).toBeUndefined();
  });

  it('becomes the withdrawal when the notice is lifted or over, naming what it withdraws and the last day', () => {
    const lifted = formsOf({ ...water, liftedAt: new Date(NOW.getTime() - 3_600_000) }).warning;
    expect(lifted?.kind).toBe('withdrawal');
    expect(lifted?.text).toMatch(
      /^ODWOŁANIE KOMUNIKATU OSTRZEGAWCZEGO\nOdwołuje się komunikat ostrzegawczy wydany \d{4}-\d\d-\d\d \d\d:\d\d: „Awaria sieci wodociągowej/,
    );
    const seed = noticeOf('mops-czestochowa-koronawirus-zmiany-2020');
    const over = formsOf({ ...seed, category: 'health' }).warning;
    expect(over?.kind).toBe('withdrawal');
    // Ended "until 25 March": the last day residents read, not the midnight after it.
    expect(over?.text).toContain('Obowiązywał: od 16 marca do 25 marca 2020 r.');
  });
});

describe('exercise and test notices (issue 17, item 7)', () => {
  const rehearsals = notices.flatMap((notice) =>
    (['exercise', 'test'] as const).map(
      (messageStatus) => [`${messageStatus} ${notice.locale} ${notice.slug}`, { ...notice, messageStatus }] as const,
    ),
  );
  const words = { pl: ['ĆWICZENIA', 'TEST'], en: ['EXERCISE', 'TEST'], uk: ['НАВЧАННЯ', 'ТЕСТ'] } as const;

  it.each(rehearsals)('%s: every form leads with its label and still keeps its limit', (_name, notice) => {
    const label = words[notice.locale][notice.messageStatus === 'exercise' ? 0 : 1];
    const forms = formsOf(notice);
    for (const script of [forms.radio.short, forms.radio.full]) {
      const lines = script.text.split('\n');
      expect(lines[0]).toMatch(new RegExp(`^${label}\\. `));
      expect(lines.at(-1)).toBe(lines[0]?.slice(label.length + 2));
    }
    // The short script's 30 seconds include the lines that say it is a rehearsal.
    expect(forms.radio.short.seconds).toBeLessThanOrEqual(30);
    // GSM-7 has no Ć or Cyrillic: the label arrives as CWICZENIA or NAVCHANNIA, and still fits one segment.
    for (const sms of [forms.sms.oneSegment, forms.sms.alert]) {
      expect(sms.text.startsWith(`${toGsm7(label)}: `)).toBe(true);
      expect(isGsm7(sms.text)).toBe(true);
      expect(sms.fits).toBe(true);
    }
    expect(new SegmentedMessage(forms.sms.oneSegment.text).segmentsCount).toBe(1);
    expect(forms.sms.original.text.startsWith(`${label}: `)).toBe(true);
    expect(forms.banner.text.startsWith(`${label}: `)).toBe(true);
    // A title cut to fit the banner leaves room for the label; a long headline is flagged, never cut.
    if (notice.headline === undefined) expect(forms.banner.length).toBeLessThanOrEqual(30);
    expect(forms.banner.fits).toBe(forms.banner.length <= 30 && notice.headline !== undefined);
    expect(forms.social.text.startsWith(`${label}: `)).toBe(true);
    expect(forms.social.fits).toBe(true);
    if (forms.warning) {
      const lines = forms.warning.text.split('\n');
      expect(lines[0]).toMatch(new RegExp(`^${label}\\. `));
      expect(lines.at(-1)).toBe(lines[0]?.slice(label.length + 2));
    }
  });

  it('a real notice carries no label', () => {
    const forms = formsOf(noticeOf('awaria-wodociagu-ul-lipowa'));
    expect(forms.radio.short.text).not.toMatch(/ĆWICZENIA|TEST|ćwiczenia/);
    expect(forms.warning?.text).not.toMatch(/ĆWICZENIA|TEST|ćwiczenia/);
  });
});
