import { type Notice, noticeStatus, suspensionPeriod } from '@tablica/shared';
import { type FeedDefinition, feedItem } from '../feeds.ts';
import { noticePeriodText } from '../format.ts';
import { absoluteUrl, routes } from '../routes.ts';
import { noticeHtml } from './notice-html.ts';

const iso = (date: Date | undefined) => date?.toISOString();

/**
 * The `_tablica` extension of a JSON Feed item (JSON Feed 1.1 §"Extensions"): the structured
 * notice for machine consumers — period, facility changes, channels, procedures — as data.
 */
function tablicaExtension(notice: Notice, now: Date) {
  return {
    slug: notice.slug,
    institution: notice.institution,
    category: notice.category,
    severity: notice.severity,
    // CAP's status: "exercise" and "test" are rehearsals, never to be passed on as real.
    messageStatus: notice.messageStatus,
    status: noticeStatus(notice, now),
    revision: notice.revision,
    period: {
      from: iso(notice.effectiveFrom),
      until: iso(notice.effectiveUntil),
      liftedAt: iso(notice.liftedAt),
      timeZone: notice.timeZone,
      text: noticePeriodText(notice, notice.locale),
    },
    suspensions: notice.suspensions.map((suspension) => {
      const period = suspensionPeriod(suspension, notice);
      return {
        facility: suspension.facility,
        mode: suspension.mode,
        hours: suspension.hours,
        scope: suspension.scope,
        from: iso(period.start),
        until: iso(period.end),
      };
    }),
    channels: notice.channels.map(({ kind, label, value, extension, hours, note, preferred }) => ({
      kind,
      label,
      value,
      extension,
      hours,
      note,
      preferred,
    })),
    procedures: notice.procedures.map(({ text, items, note }) => ({ text, items, note })),
    advisories: notice.advisories,
    area: notice.area,
    supersedes: notice.supersedes,
  };
}

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1) for one feed. */
export function jsonFeed(feed: FeedDefinition, baseUrl: string, now: Date) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    description: feed.description,
    home_page_url: absoluteUrl(baseUrl, feed.homePath),
    feed_url: absoluteUrl(baseUrl, feed.jsonPath),
    language: feed.language,
    // JSON Feed 1.1's way to name WebSub hubs.
    ...(feed.hubs?.length ? { hubs: feed.hubs.map((url) => ({ type: 'WebSub', url })) } : {}),
    items: feed.notices.map((notice) => {
      const url = absoluteUrl(baseUrl, routes.notice(notice.slug, notice.locale));
      const item = feedItem(feed, notice, baseUrl);
      return {
        id: item.id,
        url,
        title: item.title,
        summary: notice.summary,
        content_html: noticeHtml(notice, url, item.withdrawal),
        // Each version is its own item (see feedItemId): published when it was sent, as in RSS and
        // CAP (or when its threat ended); modified when a correction was published since.
        date_published: item.date.toISOString(),
        date_modified: item.modified.toISOString(),
        language: notice.locale,
        tags: [notice.category, notice.severity],
        _tablica: tablicaExtension(notice, now),
      };
    }),
  };
}
