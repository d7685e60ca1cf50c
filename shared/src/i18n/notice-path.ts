import { LOCALE_REGISTRY, type Locale } from './locales.ts';

/**
 * Where a notice's page lives on the site: `/komunikaty/<slug>/`, `/en/notices/<slug>/`. The
 * site's routes and the CMS's "Zobacz w serwisie" link both read it, so they cannot disagree.
 * Polish has its own word; every other language the Latin one (easier to type and share).
 */
const NOTICES_SEGMENT: Partial<Record<Locale, string>> = { pl: 'komunikaty' };

export function noticePath(slug: string, locale: Locale): string {
  return `${LOCALE_REGISTRY[locale].pathPrefix}${NOTICES_SEGMENT[locale] ?? 'notices'}/${slug}/`;
}
