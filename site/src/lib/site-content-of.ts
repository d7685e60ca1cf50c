import {
  DEFAULT_LOCALE,
  type Institution,
  LOCALE_REGISTRY,
  type Locale,
  type Notice,
  type SiteSettings,
  type Snapshot,
  sortNotices,
} from '@tablica/shared';
import type { SiteBuildConfig } from './site-config.ts';

/** The content every page is rendered from, indexed the ways the pages look it up. */
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
  /** What the build script's read-ahead worked out from this same content (notice-keys-ahead.ts). */
  handedOver?: HandedOver;
}

/** Derived from the whole archive, so worked out ahead of Astro, beside it (loaders/notice-keys-ahead.ts). */
export interface HandedOver {
  /** Every notice version's short code, by "locale:slug" (short-links.ts). */
  shortCodes: Map<string, string>;
  /** Every notice's key, by slug (incremental/page-keys.ts, noticeKey). */
  noticeKeys: Map<string, string>;
}

/**
 * The site's content made from a checked snapshot. Pure, and free of Astro, because two places
 * make it from the same snapshot: the pages (content.ts) and the build script's read-ahead
 * worker, which works out the notices' keys and short codes from it while Astro starts
 * (loaders/notice-keys-ahead.ts): both must arrive at the same content.
 */
export function siteContentOf(
  snapshot: Snapshot,
  config: Pick<SiteBuildConfig, 'baseUrl' | 'now' | 'subscriptions' | 'websubHubs'>,
): SiteContent {
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
