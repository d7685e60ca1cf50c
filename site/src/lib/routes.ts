import { DEFAULT_LOCALE, type Locale } from '@tablica/shared';

// English path segments, also for Ukrainian: Latin addresses are easier to type and to share.
const LATIN_SEGMENTS = {
  notices: 'notices',
  current: 'current',
  institutions: 'institutions',
  archive: 'archive',
  statement: 'accessibility',
  search: 'search',
  builder: 'embed-builder',
} as const;

/** Path segments per language. Polish lives at the root; the others under their code. */
const SEGMENTS = {
  pl: {
    notices: 'komunikaty',
    current: 'obowiazujace',
    institutions: 'instytucje',
    archive: 'archiwum',
    statement: 'deklaracja-dostepnosci',
    search: 'szukaj',
    builder: 'osadz',
  },
  en: LATIN_SEGMENTS,
  uk: LATIN_SEGMENTS,
} as const satisfies Record<Locale, Record<keyof typeof LATIN_SEGMENTS, string>>;

const prefix = (locale: Locale) => (locale === DEFAULT_LOCALE ? '/' : `/${locale}/`);

/** Site-relative URLs, every one ending in a slash (the build writes `<path>/index.html`). */
export const routes = {
  home: (locale: Locale) => prefix(locale),
  notice: (slug: string, locale: Locale) => `${prefix(locale)}${SEGMENTS[locale].notices}/${slug}/`,
  institutions: (locale: Locale) => `${prefix(locale)}${SEGMENTS[locale].institutions}/`,
  institution: (slug: string, locale: Locale) => `${prefix(locale)}${SEGMENTS[locale].institutions}/${slug}/`,
  current: (locale: Locale, page = 1) => `${prefix(locale)}${SEGMENTS[locale].current}/${page > 1 ? `${page}/` : ''}`,
  archive: (locale: Locale, page = 1) => `${prefix(locale)}${SEGMENTS[locale].archive}/${page > 1 ? `${page}/` : ''}`,
  statement: (locale: Locale) => `${prefix(locale)}${SEGMENTS[locale].statement}/`,
  search: (locale: Locale) => `${prefix(locale)}${SEGMENTS[locale].search}/`,
  /** The embed builder, for newsrooms' web editors. */
  builder: (locale: Locale) => `${prefix(locale)}${SEGMENTS[locale].builder}/`,
  /** One calendar per notice; the same file in every language. */
  noticeCalendar: (slug: string) => `/calendar/${slug}.ics`,
  institutionCalendar: (slug: string) => `/calendar/institution/${slug}.ics`,
};

/** The route path without its leading and trailing slashes, as Astro's rest parameter wants it. */
export const toRestParam = (url: string): string | undefined => url.replace(/^\/|\/$/g, '') || undefined;

/** An absolute URL on the public site. */
export const absoluteUrl = (baseUrl: string, path: string): string => new URL(path, baseUrl).href;
