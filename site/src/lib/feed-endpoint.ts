import { getSiteContent } from './content.ts';
import { type FeedKey, feedFor } from './feeds.ts';
import { jsonFeed } from './outputs/json-feed.ts';
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
