import { CATEGORIES } from '@tablica/shared';
import { getSiteContent } from './content.ts';
import { type FeedKey, feedFor } from './feeds.ts';
import { categoryPath, institutionPath, withoutUnchanged } from './incremental/keyed-paths.ts';
import { jsonFeed } from './outputs/json-feed.ts';
import { outputPaths } from './outputs/manifest.ts';
import { outputResponse } from './outputs/respond.ts';
import { rssXml } from './outputs/rss.ts';

export async function rssResponse(url: URL, key: FeedKey): Promise<Response> {
  const content = await getSiteContent();
  return outputResponse(url, await rssXml(feedFor(content, key), content.baseUrl));
}

export async function jsonFeedResponse(url: URL, key: FeedKey): Promise<Response> {
  const content = await getSiteContent();
  return outputResponse(url, JSON.stringify(jsonFeed(feedFor(content, key), content.baseUrl, content.now)));
}

type FeedFormat = 'rss' | 'json';

/** Each institution's feed in one format, less those an incremental build takes from the previous one. */
export async function institutionFeedPaths(format: FeedFormat) {
  const content = await getSiteContent();
  return withoutUnchanged(content, content.institutions, ({ slug }) =>
    institutionPath(content, slug, outputPaths.institutionFeed(slug)[format]),
  ).map(({ slug }) => ({ params: { slug } }));
}

/** Each category's feed in one format, less those an incremental build takes from the previous one. */
export async function categoryFeedPaths(format: FeedFormat) {
  const content = await getSiteContent();
  return withoutUnchanged(content, [...CATEGORIES], (category) =>
    categoryPath(content, category, outputPaths.categoryFeed(category)[format]),
  ).map((category) => ({ params: { category } }));
}
