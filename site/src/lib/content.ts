import {
  current,
  DEFAULT_LOCALE,
  ended,
  type Institution,
  LOCALE_REGISTRY,
  LOCALES,
  type Locale,
  type Notice,
  noticeStatus,
  type SiteSettings,
  sortNotices,
} from '@tablica/shared';
import { loadContentOnce } from '../loaders/tablica.ts';
import type { LocalizedNotice } from './localized-notice.ts';
import { readSiteBuildConfig } from './site-config.ts';

export type { LocalizedNotice };

export interface SiteContent {
  settings: SiteSettings;
  baseUrl: string;
  now: Date;
  institutions: Institution[];
  institutionBySlug: Map<string, Institution>;
  /** Slugs in reading order (urgent first, then the most recent). */
  slugs: string[];
  versions: Map<string, Partial<Record<Locale, Notice>>>;
  /** For each notice, the newer notices that replace it (an update chain). */
  supersededBy: Map<string, string[]>;
  /** Whether residents can subscribe to e-mail notifications (the publisher sends them). */
  subscriptions: boolean;
  /** The WebSub hubs every feed declares. */
  websubHubs: string[];
}

async function readSiteContent(): Promise<SiteContent> {
  const config = readSiteBuildConfig();
  // Read by the content loader in this process already; a message logged here only if it was not.
  const { snapshot } = await loadContentOnce({
    info: (message) => console.log(`[tablica] ${message}`),
    warn: (message) => console.warn(`[tablica] ${message}`),
  });
  const { siteSettings: settings, notices } = snapshot;
  const versions = new Map<string, Partial<Record<Locale, Notice>>>();
  for (const notice of notices) {
    const byLocale = versions.get(notice.slug) ?? {};
    byLocale[notice.locale] = notice;
    versions.set(notice.slug, byLocale);
  }
  const originals = notices.filter((notice) => notice.locale === DEFAULT_LOCALE);
  const supersededBy = new Map<string, string[]>();
  for (const notice of originals) {
    if (notice.supersedes)
      supersededBy.set(notice.supersedes, [...(supersededBy.get(notice.supersedes) ?? []), notice.slug]);
  }
  const institutions = [...snapshot.institutions].sort((a, b) =>
    a.name.localeCompare(b.name, LOCALE_REGISTRY[DEFAULT_LOCALE].intl),
  );
  return {
    settings,
    baseUrl: config.baseUrl ?? settings.baseUrl,
    now: config.now,
    institutions,
    institutionBySlug: new Map(institutions.map((institution) => [institution.slug, institution])),
    slugs: sortNotices(originals).map((notice) => notice.slug),
    versions,
    supersededBy,
    subscriptions: config.subscriptions,
    websubHubs: config.websubHubs,
  };
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

/** Every notice as a page in `locale` shows it, in reading order. */
/** The newer notices that replace `slug`, as read in `pageLocale` (the original where untranslated). */
export const successorsIn = (content: SiteContent, slug: string, pageLocale: Locale): LocalizedNotice[] =>
  (content.supersededBy.get(slug) ?? []).flatMap((newer) => localize(content, newer, pageLocale) ?? []);

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
