import { current, DEFAULT_LOCALE, ended, LOCALES, type Locale, noticeStatus } from '@tablica/shared';
import { takeNoticeKeys } from '../loaders/notice-keys-ahead.ts';
import { loadContentOnce } from '../loaders/tablica.ts';
import type { LocalizedNotice } from './localized-notice.ts';
import { readSiteBuildConfig } from './site-config.ts';
import { type SiteContent, siteContentOf } from './site-content-of.ts';

export type { LocalizedNotice, SiteContent };

async function readSiteContent(): Promise<SiteContent> {
  // Read by the content loader in this process already; a message logged here only if it was not.
  const { snapshot } = await loadContentOnce({
    info: (message) => console.log(`[tablica] ${message}`),
    warn: (message) => console.warn(`[tablica] ${message}`),
  });
  const config = readSiteBuildConfig();
  const handedOver = config.readAheadFile ? await takeNoticeKeys(config.readAheadFile) : undefined;
  if (handedOver) console.log('[tablica] notice keys and short codes: worked out ahead of Astro');
  return { ...siteContentOf(snapshot, config), handedOver };
}

let content: Promise<SiteContent> | undefined;

/** The whole site's content, read once per build and shared by every page. */
export function getSiteContent(): Promise<SiteContent> {
  content ??= readSiteContent();
  return content;
}

export function localize(content: SiteContent, slug: string, pageLocale: Locale): LocalizedNotice | undefined {
  const byLocale = content.versions.get(slug);
  const notice = byLocale?.[pageLocale] ?? byLocale?.[DEFAULT_LOCALE];
  if (!byLocale || !notice) return undefined;
  return {
    notice,
    pageLocale,
    isFallback: notice.locale !== pageLocale,
    status: noticeStatus(notice, content.now),
    translations: LOCALES.filter((locale) => byLocale[locale] !== undefined),
  };
}

// Lists are derived once per language: the archive alone has hundreds of pages that slice them.
const lists = new WeakMap<SiteContent, Map<string, LocalizedNotice[]>>();

function memo(content: SiteContent, key: string, derive: () => LocalizedNotice[]): LocalizedNotice[] {
  const forContent = lists.get(content) ?? new Map<string, LocalizedNotice[]>();
  lists.set(content, forContent);
  const list = forContent.get(key) ?? derive();
  forContent.set(key, list);
  return list;
}

/** The newer notices that replace `slug`, as read in `pageLocale` (the original where untranslated). */
export const successorsIn = (content: SiteContent, slug: string, pageLocale: Locale): LocalizedNotice[] =>
  (content.supersededBy.get(slug) ?? []).flatMap((newer) => localize(content, newer, pageLocale) ?? []);

/** Every notice as a page in `locale` shows it, in reading order. */
export function localizedNotices(content: SiteContent, locale: Locale): LocalizedNotice[] {
  return memo(content, `all:${locale}`, () => content.slugs.flatMap((slug) => localize(content, slug, locale) ?? []));
}

/** Notices in force (urgent first, then the most recent), then announced ones (soonest first). */
export function currentNotices(content: SiteContent, locale: Locale): LocalizedNotice[] {
  return memo(content, `current:${locale}`, () => current(localizedNotices(content, locale)));
}

/** The archive in `locale`: ended notices, the most recently ended first. */
export function archivedNotices(content: SiteContent, locale: Locale): LocalizedNotice[] {
  return memo(content, `archive:${locale}`, () => ended(localizedNotices(content, locale)));
}
