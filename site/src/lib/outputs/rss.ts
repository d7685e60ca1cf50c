import { getRssString, type RSSOptions } from '@astrojs/rss';
import { type FeedDefinition, feedItem } from '../feeds.ts';
import { UI } from '../i18n/ui.ts';
import { absoluteUrl, routes } from '../routes.ts';
import { escapeMarkup } from './escape.ts';
import { noticeHtml } from './notice-html.ts';
import { hubLinks } from './websub-links.ts';

/**
 * RSS 2.0 for one feed, through @astrojs/rss (which escapes what it writes): absolute links, a
 * guid per notice version (see feedItemId), the summary as description, the whole notice as
 * `content:encoded`, and `atom:link rel="self"` as RSS best practice asks.
 */
export function rssOptions(feed: FeedDefinition, baseUrl: string): RSSOptions {
  const self = absoluteUrl(baseUrl, feed.rssPath);
  return {
    title: feed.title,
    description: feed.description,
    site: absoluteUrl(baseUrl, feed.homePath),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>${feed.language}</language><atom:link href="${escapeMarkup(self)}" rel="self" type="application/rss+xml"/>${hubLinks(feed.hubs, 'atom:link')}`,
    items: feed.notices.map((notice) => {
      const link = absoluteUrl(baseUrl, routes.notice(notice.slug, notice.locale));
      const item = feedItem(feed, notice, baseUrl);
      return {
        title: item.title,
        link,
        // When this version was sent (the same instant JSON Feed and CAP give it), or its threat ended.
        pubDate: item.date,
        description: notice.summary,
        content: noticeHtml(notice, link, item.withdrawal),
        categories: [UI[notice.locale].category[notice.category]],
        customData: `<guid isPermaLink="false">${escapeMarkup(item.id)}</guid>`,
      };
    }),
  };
}

export const rssXml = (feed: FeedDefinition, baseUrl: string): Promise<string> =>
  getRssString(rssOptions(feed, baseUrl));
