import { noticesToList, withoutUnchanged } from '../incremental/keyed-paths.ts';
import type { DataRoute } from './data-route.ts';

/**
 * The entries, path and params of a route with one file per notice at `pathOf(slug)`, its route
 * file taking the slug as `[slug]`: every notice, less those an incremental build takes over.
 */
export function perNoticeFile(
  pathOf: (slug: string) => string,
): Pick<DataRoute<string>, 'entries' | 'path' | 'params'> {
  return {
    entries: (content) =>
      withoutUnchanged(content, noticesToList(content), (slug) => ({ part: slug, path: pathOf(slug) })),
    path: pathOf,
    params: (slug) => ({ slug }),
  };
}
