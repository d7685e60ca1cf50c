import { LOCALES } from '@tablica/shared';
import type { SiteContent } from './content.ts';
import type { SitemapEntry } from './outputs/sitemap.ts';
import { allPages, pageIn } from './pages.ts';

/**
 * Every page, with the same page in each language it exists in as alternates. The pages that
 * lead from an untranslated address to the original are not indexed: the original is.
 */
export function sitemapEntries(content: SiteContent): SitemapEntry[] {
  return allPages(content)
    .filter(({ props }) => props.kind !== 'untranslated')
    .map(({ url, props }) => ({
      path: url,
      lastModified: props.kind === 'notice' ? content.versions.get(props.slug)?.[props.locale]?.updatedAt : undefined,
      alternates: Object.fromEntries(
        LOCALES.flatMap((locale) => {
          const alternate = pageIn(content, props, locale);
          return alternate ? [[locale, alternate]] : [];
        }),
      ),
    }));
}
