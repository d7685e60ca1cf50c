import { LOCALES, type Locale } from '@tablica/shared';
import { archivedNotices, currentNotices, type SiteContent } from './content.ts';
import { pageCountOf } from './pagination.ts';
import { routes } from './routes.ts';

/** Notices per page of the current list and of the archive. */
export const LIST_PAGE_SIZE = 20;

export type PageProps =
  | { kind: 'home'; locale: Locale }
  | { kind: 'notice'; locale: Locale; slug: string }
  /** A notice's address in a language it is not written in: a short page leading to the original. */
  | { kind: 'untranslated'; locale: Locale; slug: string }
  | { kind: 'institutions'; locale: Locale }
  | { kind: 'institution'; locale: Locale; slug: string }
  | { kind: 'current' | 'archive'; locale: Locale; page: number; pageCount: number }
  | { kind: 'statement'; locale: Locale }
  | { kind: 'search'; locale: Locale }
  | { kind: 'builder'; locale: Locale }
  | { kind: 'subscribe'; locale: Locale }
  | { kind: 'newsroom'; locale: Locale };

export interface SitePage {
  url: string;
  props: PageProps;
}

/**
 * Every page of the site, in every language. A notice has a page in each language it is written
 * in; lists in other languages link to the Polish original (see `localize`). With `slugs`, only
 * those notices' pages, besides every other page (an incremental build: noticesToList).
 */
export function allPages(content: SiteContent, slugs: readonly string[] = content.slugs): SitePage[] {
  return LOCALES.flatMap((locale) => {
    const listPages = (kind: 'current' | 'archive', length: number, url: (page: number) => string) => {
      const pageCount = pageCountOf(length, LIST_PAGE_SIZE);
      return Array.from(
        { length: pageCount },
        (_, index): SitePage => ({ url: url(index + 1), props: { kind, locale, page: index + 1, pageCount } }),
      );
    };
    return [
      { url: routes.home(locale), props: { kind: 'home', locale } },
      ...slugs
        .filter((slug) => content.versions.get(slug)?.[locale] !== undefined)
        .map((slug): SitePage => ({ url: routes.notice(slug, locale), props: { kind: 'notice', locale, slug } })),
      // A reader who swaps /komunikaty/ for /uk/notices/ (or follows a link shared in Ukrainian)
      // gets the key facts and the way to the original, not a 404.
      ...slugs
        .filter((slug) => content.versions.get(slug)?.[locale] === undefined)
        .map((slug): SitePage => ({ url: routes.notice(slug, locale), props: { kind: 'untranslated', locale, slug } })),
      { url: routes.institutions(locale), props: { kind: 'institutions', locale } },
      ...content.institutions.map(
        ({ slug }): SitePage => ({
          url: routes.institution(slug, locale),
          props: { kind: 'institution', locale, slug },
        }),
      ),
      ...listPages('current', currentNotices(content, locale).length, (page) => routes.current(locale, page)),
      ...listPages('archive', archivedNotices(content, locale).length, (page) => routes.archive(locale, page)),
      { url: routes.statement(locale), props: { kind: 'statement', locale } },
      { url: routes.search(locale), props: { kind: 'search', locale } },
      { url: routes.builder(locale), props: { kind: 'builder', locale } },
      { url: routes.newsroom(locale), props: { kind: 'newsroom', locale } },
      ...(content.subscriptions
        ? [{ url: routes.subscribe(locale), props: { kind: 'subscribe', locale } } satisfies SitePage]
        : []),
    ];
  });
}

/**
 * The same page in another language, for the language switcher and hreflang; undefined for a
 * notice not translated into that language.
 */
export function pageIn(content: SiteContent, props: PageProps, locale: Locale): string | undefined {
  switch (props.kind) {
    case 'home':
      return routes.home(locale);
    case 'notice':
    case 'untranslated':
      return content.versions.get(props.slug)?.[locale] ? routes.notice(props.slug, locale) : undefined;
    case 'institutions':
      return routes.institutions(locale);
    case 'institution':
      return routes.institution(props.slug, locale);
    case 'current':
      return routes.current(locale, props.page);
    case 'archive':
      return routes.archive(locale, props.page);
    case 'statement':
      return routes.statement(locale);
    case 'search':
      return routes.search(locale);
    case 'builder':
      return routes.builder(locale);
    case 'subscribe':
      return routes.subscribe(locale);
    case 'newsroom':
      return routes.newsroom(locale);
  }
}
