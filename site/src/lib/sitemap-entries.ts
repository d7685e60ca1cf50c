import { LOCALES } from '@tablica/shared';
import { localize, type SiteContent } from './content.ts';
import type { SitemapEntry } from './outputs/sitemap.ts';
import { allPages, pageIn } from './pages.ts';

/**
 * Every page worth indexing: all pages except the fallback copies of untranslated notices (their
 * canonical is the original). Notices list only their real translations as alternates.
 */
export function sitemapEntries(content: SiteContent): SitemapEntry[] {
  return allPages(content).flatMap(({ url, props }): SitemapEntry[] => {
    if (props.kind !== 'notice') {
      return [{ path: url, alternates: Object.fromEntries(LOCALES.map((locale) => [locale, pageIn(props, locale)])) }];
    }
    const item = localize(content, props.slug, props.locale);
    if (!item || item.isFallback) return [];
    return [
      {
        path: url,
        lastModified: item.notice.updatedAt,
        alternates: Object.fromEntries(
          item.translations.map((locale) => [locale, pageIn({ ...props, locale }, locale)]),
        ),
      },
    ];
  });
}
