import { isStillNews } from '@tablica/shared';
import type { SiteContent } from '../content.ts';

const cache = new WeakMap<SiteContent, Set<string>>();

/**
 * Notices offered for embedding one by one (a frame, an oEmbed answer and single-widget data
 * each): those still news, as in the feeds. Years of archive would otherwise double the pages of
 * a build for embeds nobody makes any more; an old embed falls back to its link to the notice.
 */
export function embeddableSlugs(content: SiteContent): Set<string> {
  let slugs = cache.get(content);
  if (!slugs) {
    slugs = new Set(
      content.slugs.filter((slug) =>
        Object.values(content.versions.get(slug) ?? {}).some((notice) => notice && isStillNews(notice, content.now)),
      ),
    );
    cache.set(content, slugs);
  }
  return slugs;
}
