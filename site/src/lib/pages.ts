import { LOCALES, type Locale } from '@tablica/shared';
import { archivedNotices, type SiteContent } from './content.ts';
import { routes } from './routes.ts';

export const ARCHIVE_PAGE_SIZE = 20;

export type PageProps =
  | { kind: 'home'; locale: Locale }
  | { kind: 'notice'; locale: Locale; slug: string }
  | { kind: 'institutions'; locale: Locale }
  | { kind: 'institution'; locale: Locale; slug: string }
  | { kind: 'archive'; locale: Locale; page: number; pageCount: number }
  | { kind: 'statement'; locale: Locale }
  | { kind: 'search'; locale: Locale };

export interface SitePage {
  url: string;
  props: PageProps;
}

/**
 * Every page of the site, in every language. A notice has a page in each language it is written
 * in; lists in other languages link to the Polish original (see `localize`).
 */
export function allPages(content: SiteContent): SitePage[] {
  return LOCALES.flatMap((locale) => {
    const archivePages = Math.max(1, Math.ceil(archivedNotices(content, locale).length / ARCHIVE_PAGE_SIZE));
    return [
      { url: routes.home(locale), props: { kind: 'home', locale } },
      ...content.slugs
        .filter((slug) => content.versions.get(slug)?.[locale] !== undefined)
        .map((slug): SitePage => ({ url: routes.notice(slug, locale), props: { kind: 'notice', locale, slug } })),
      { url: routes.institutions(locale), props: { kind: 'institutions', locale } },
      ...content.institutions.map(
        ({ slug }): SitePage => ({
          url: routes.institution(slug, locale),
          props: { kind: 'institution', locale, slug },
        }),
      ),
      ...Array.from(
        { length: archivePages },
        (_, index): SitePage => ({
          url: routes.archive(locale, index + 1),
          props: { kind: 'archive', locale, page: index + 1, pageCount: archivePages },
        }),
      ),
      { url: routes.statement(locale), props: { kind: 'statement', locale } },
      { url: routes.search(locale), props: { kind: 'search', locale } },
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
      return content.versions.get(props.slug)?.[locale] ? routes.notice(props.slug, locale) : undefined;
    case 'institutions':
      return routes.institutions(locale);
    case 'institution':
      return routes.institution(props.slug, locale);
    case 'archive':
      return routes.archive(locale, props.page);
    case 'statement':
      return routes.statement(locale);
    case 'search':
      return routes.search(locale);
  }
}
