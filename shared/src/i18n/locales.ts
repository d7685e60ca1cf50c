/**
 * The locale registry: every language Tablica publishes in, and everything about a language that
 * is not a translation table. The CMS creates its locales and editors' permissions from it, the
 * site its routes, feeds, language switcher, search index and widget files, the builder its
 * choices. Adding a language is an entry here plus its rows in the translation tables, which the
 * type checker then demands (each is a `Record<Locale, …>`): see docs/recipes.md.
 */
export const LOCALE_REGISTRY = {
  pl: {
    /** The language's own name, as the language switcher and the builder show it. */
    name: 'Polski',
    /** BCP 47 tag for Intl formatting, `lang` values in CAP and similar. */
    intl: 'pl-PL',
    /** Open Graph's underscore form. */
    openGraph: 'pl_PL',
    /** Where its pages live: the default language at the root, the others under their code. */
    pathPrefix: '/',
    /** The CMS's locale list shows this. */
    cmsName: 'Polski (pl)',
  },
  en: { name: 'English', intl: 'en-GB', openGraph: 'en_GB', pathPrefix: '/en/', cmsName: 'English (en)' },
  uk: { name: 'Українська', intl: 'uk-UA', openGraph: 'uk_UA', pathPrefix: '/uk/', cmsName: 'Українська (uk)' },
} as const satisfies Record<string, LocaleEntry>;

export interface LocaleEntry {
  name: string;
  intl: string;
  openGraph: string;
  pathPrefix: string;
  cmsName: string;
}

export type Locale = keyof typeof LOCALE_REGISTRY;

/** Every language, the default first (the order of language switchers and feed lists). */
export const LOCALES = Object.keys(LOCALE_REGISTRY) as [Locale, ...Locale[]];

/**
 * The language notices are written in first; the others are translations of it. A notice
 * exists once it exists in this language, and single-language outputs speak it.
 */
export const DEFAULT_LOCALE = 'pl' satisfies Locale;

/** The languages that have their own copy of the per-language outputs beside the default. */
export const TRANSLATION_LOCALES = LOCALES.filter((locale) => locale !== DEFAULT_LOCALE);

/**
 * Outputs published once, in the default language, not per language. They describe one
 * institution's or one category's stream or one message as the institution issued it, and their
 * consumers (newsrooms' sites, calendar apps, alerting systems) take one address per stream:
 * CAP carries the translations inside its one message, and readers of a translation have the
 * per-language site feeds and widget files. Embeds and oEmbed answers are per language: a
 * newsroom embeds the page it reads, in its language.
 */
export const SINGLE_LANGUAGE_OUTPUTS = ['institution-feeds', 'category-feeds', 'calendars', 'cap'] as const;
export type SingleLanguageOutput = (typeof SINGLE_LANGUAGE_OUTPUTS)[number];

/** The language a single-language output is published in. */
export const singleLanguageOf = (_output: SingleLanguageOutput): Locale => DEFAULT_LOCALE;

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && Object.hasOwn(LOCALE_REGISTRY, value);
