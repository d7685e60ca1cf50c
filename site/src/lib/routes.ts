import { LOCALE_REGISTRY, type Locale, noticePath } from '@tablica/shared';

// English path segments for every language but Polish: Latin addresses are easier to type and
// to share, so a new language needs no words here.
const LATIN_SEGMENTS = {
  current: 'current',
  institutions: 'institutions',
  archive: 'archive',
  statement: 'accessibility',
  search: 'search',
  builder: 'embed-builder',
  subscribe: 'notifications',
  newsroom: 'newsroom',
} as const;

/** Path segments of the languages with their own; the others use the Latin ones. */
const OWN_SEGMENTS: Partial<Record<Locale, Record<keyof typeof LATIN_SEGMENTS, string>>> = {
  pl: {
    current: 'obowiazujace',
    institutions: 'instytucje',
    archive: 'archiwum',
    statement: 'deklaracja-dostepnosci',
    search: 'szukaj',
    builder: 'osadz',
    subscribe: 'powiadomienia',
    newsroom: 'dla-mediow',
  },
};

const segments = (locale: Locale) => OWN_SEGMENTS[locale] ?? LATIN_SEGMENTS;

const prefix = (locale: Locale) => LOCALE_REGISTRY[locale].pathPrefix;

/** Site-relative URLs, every one ending in a slash (the build writes `<path>/index.html`). */
export const routes = {
  home: (locale: Locale) => prefix(locale),
  // Shared with the CMS's "Zobacz w serwisie" link.
  notice: (slug: string, locale: Locale) => noticePath(slug, locale),
  institutions: (locale: Locale) => `${prefix(locale)}${segments(locale).institutions}/`,
  institution: (slug: string, locale: Locale) => `${prefix(locale)}${segments(locale).institutions}/${slug}/`,
  current: (locale: Locale, page = 1) => `${prefix(locale)}${segments(locale).current}/${page > 1 ? `${page}/` : ''}`,
  archive: (locale: Locale, page = 1) => `${prefix(locale)}${segments(locale).archive}/${page > 1 ? `${page}/` : ''}`,
  statement: (locale: Locale) => `${prefix(locale)}${segments(locale).statement}/`,
  search: (locale: Locale) => `${prefix(locale)}${segments(locale).search}/`,
  /** The embed builder, for newsrooms' web editors. */
  builder: (locale: Locale) => `${prefix(locale)}${segments(locale).builder}/`,
  /** E-mail notifications: the sign-up form (only when the publisher sends them). */
  subscribe: (locale: Locale) => `${prefix(locale)}${segments(locale).subscribe}/`,
  /** For radio desks and newsrooms: every current notice in the forms they pass on. */
  newsroom: (locale: Locale) => `${prefix(locale)}${segments(locale).newsroom}/`,
};

/** The route path without its leading and trailing slashes, as Astro's rest parameter wants it. */
export const toRestParam = (url: string): string | undefined => url.replace(/^\/|\/$/g, '') || undefined;

/** An absolute URL on the public site. */
export const absoluteUrl = (baseUrl: string, path: string): string => new URL(path, baseUrl).href;
