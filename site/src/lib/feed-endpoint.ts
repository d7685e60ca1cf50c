import { getSiteContent } from './content.ts';
import { type FeedDefinition, feedCatalog } from './feeds.ts';
import { jsonFeed } from './outputs/json-feed.ts';
import { outputResponse } from './outputs/respond.ts';
import { rssXml } from './outputs/rss.ts';

/** The feed definition published at `path` (an RSS or JSON Feed path). */
async function feedAt(path: string): Promise<{ feed: FeedDefinition; baseUrl: string; now: Date }> {
  const content = await getSiteContent();
  const feed = feedCatalog(content).find((definition) => definition.rssPath === path || definition.jsonPath === path);
  if (!feed) throw new Error(`Tablica: no feed at ${path}`);
  return { feed, baseUrl: content.baseUrl, now: content.now };
}

export async function rssResponse(url: URL): Promise<Response> {
  const { feed, baseUrl } = await feedAt(url.pathname);
  return outputResponse(url, await rssXml(feed, baseUrl));
}

export async function jsonFeedResponse(url: URL): Promise<Response> {
  const { feed, baseUrl, now } = await feedAt(url.pathname);
  return outputResponse(url, JSON.stringify(jsonFeed(feed, baseUrl, now)));
}
