import { type NoticeParses, SNAPSHOT_FORMAT, SNAPSHOT_VERSION } from '@tablica/shared';
import { getAll, getJson, type StrapiSourceOptions } from './strapi-http.ts';
import { type NoticeReadCache, readPublishedNotices } from './strapi-notices.ts';

/**
 * Reads the published content from Strapi's public REST API into the snapshot format. The API
 * already answers in the shared shape; validation happens once, on the whole snapshot. Returns
 * with it how the notices were read (all, or the changed ones beside the cache's), `keep`, which
 * writes what was read for the next build's read, and the notices' parses it kept (strapi-notices.ts).
 */
export async function readStrapiSnapshot(
  options: StrapiSourceOptions,
  cache?: NoticeReadCache,
): Promise<{ snapshot: unknown; how: string; keep: () => void; parses: NoticeParses }> {
  const settings = await getJson('api/site-setting', options);
  const institutions = await getAll('api/institutions', options);
  const { notices, how, keep, parses } = await readPublishedNotices(options, institutions, cache);
  const snapshot = {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    exportedAt: new Date().toISOString(),
    siteSettings: settings.data,
    institutions,
    notices,
  };
  return { snapshot, how, keep, parses };
}
