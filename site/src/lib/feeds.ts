import {
  CATEGORIES,
  type Category,
  DEFAULT_LOCALE,
  effectiveEnd,
  isStillNews,
  isThreat,
  LOCALES,
  type Locale,
  markedTitle,
  type Notice,
  singleLanguageOf,
  versionSentAt,
} from '@tablica/shared';
import type { SiteContent } from './content.ts';
import { withdrawalOf } from './forms-source.ts';
import { UI } from './i18n/ui.ts';
import type { Replacement } from './outputs/calendar-events.ts';
import type { CalendarEntry } from './outputs/ical.ts';
import { outputPaths } from './outputs/manifest.ts';
import { absoluteUrl, routes } from './routes.ts';

/** At most this many items per feed: the newest changes (the site-wide feed stays under 100 KB). */
export const FEED_ITEMS = 30;

/** Which feed: a language's whole site, an institution's, a category's (routes name it from their params). */
export type FeedKey =
  | { kind: 'site'; locale: Locale }
  | { kind: 'institution'; slug: string }
  | { kind: 'category'; category: Category };

const idOf = (key: FeedKey) =>
  key.kind === 'site'
    ? `site:${key.locale}`
    : key.kind === 'institution'
      ? `institution:${key.slug}`
      : `category:${key.category}`;

export interface FeedDefinition {
  key: FeedKey;
  /** Site path of the RSS file; the JSON Feed sits beside it as feed.json. */
  rssPath: string;
  jsonPath: string;
  title: string;
  description: string;
  language: Locale;
  /** The HTML page the feed belongs to. */
  homePath: string;
  notices: Notice[];
  /** The build's "now": a threat that has ended by it is announced as over (see feedItem). */
  now: Date;
  /** The warning message's withdrawal of each notice of a threat that is over, lifted or ended. */
  withdrawals: ReadonlyMap<Notice, string>;
  /** WebSub hubs (rel="hub"): readers subscribed there hear of a change within seconds. */
  hubs?: string[];
}

/**
 * When a notice of a threat ended by itself (not lifted: a lifting is a version of its own), by
 * `now`: the moment its warning is withdrawn, which feeds announce as news (issue 17, item 4).
 */
export function threatEndedAt(notice: Notice, now: Date): Date | undefined {
  if (notice.liftedAt || !isThreat(notice)) return undefined;
  const end = effectiveEnd(notice);
  return end && end <= now ? end : undefined;
}

/** When a feed item became news: its version was sent, or its threat ended since. */
const newsAt = (notice: Notice, now: Date) => threatEndedAt(notice, now) ?? versionSentAt(notice);
const changedAt = (notice: Notice, now: Date) => threatEndedAt(notice, now) ?? notice.updatedAt;

/** Notices still news (current, announced, recently ended) in feed order: newest change first. */
const inFeedOrder = (news: Notice[], now: Date): Notice[] =>
  news.toSorted((a, b) => changedAt(b, now).getTime() - changedAt(a, now).getTime() || a.slug.localeCompare(b.slug));

/** One notice as RSS and JSON Feed both tell it: its id, title and date, and a withdrawal to lead its text. */
export interface FeedItem {
  id: string;
  title: string;
  date: Date;
  /** When the notice's date is a correction's: the same version's text, changed. */
  modified: Date;
  withdrawal?: string | undefined;
}

export function feedItem(feed: FeedDefinition, notice: Notice, baseUrl: string): FeedItem {
  const ended = threatEndedAt(notice, feed.now);
  const ui = UI[notice.locale];
  return {
    // A threat that has ended is new news: a new id, so readers announce it again.
    id: `${feedItemId(baseUrl, notice)}${ended ? '-ended' : ''}`,
    title: ended ? `${ui.threatOverLabel}: ${markedTitle(notice)}` : feedItemTitle(notice),
    date: newsAt(notice, feed.now),
    modified: changedAt(notice, feed.now),
    withdrawal: feed.withdrawals.get(notice),
  };
}

/** "Aktualizacja: …" for a changed notice, "Odwołano: …" for a lifted one: updates read as news; "ĆWICZENIA: …" marks a rehearsal. */
export function feedItemTitle(notice: Notice): string {
  const ui = UI[notice.locale];
  const title = markedTitle(notice);
  if (notice.liftedAt) return `${ui.liftedLabel}: ${title}`;
  return notice.revision > 1 ? `${ui.updatedLabel}: ${title}` : title;
}

/**
 * A feed item's id: the notice's address plus its version. A republished change gets a new id,
 * so readers show it again (RSS readers do not re-announce an item whose guid they know); the id
 * of a given version never changes between builds.
 */
export const feedItemId = (baseUrl: string, notice: Notice): string =>
  `${absoluteUrl(baseUrl, routes.notice(notice.slug, notice.locale))}#v${notice.revision}`;

/** A feed's notices, its "now", and the withdrawal of each threat among them that is over. */
function withdrawalsOf(content: SiteContent, notices: Notice[]) {
  const withdrawals = new Map<Notice, string>();
  for (const notice of notices) {
    const withdrawal = withdrawalOf(content, notice);
    if (withdrawal) withdrawals.set(notice, withdrawal.text);
  }
  return { notices, now: content.now, withdrawals };
}

interface LanguageNews {
  /** In the archive's order (content.slugs). */
  inArchiveOrder: Notice[];
  inFeedOrder: Notice[];
}

const newsByLanguage = new WeakMap<SiteContent, Map<Locale, LanguageNews>>();

/**
 * A language's notices still news, made once per build: each of the site's feeds, its
 * institutions' calendars and the CAP messages take theirs from it. Each going through the whole
 * archive for itself took almost a second of every publish at 30,000 notices.
 */
function newsInLanguage(content: SiteContent, locale: Locale): LanguageNews {
  const lists = newsByLanguage.get(content) ?? new Map<Locale, LanguageNews>();
  newsByLanguage.set(content, lists);
  let news = lists.get(locale);
  if (!news) {
    const inArchiveOrder = content.slugs
      .flatMap((slug) => content.versions.get(slug)?.[locale] ?? [])
      .filter((notice) => isStillNews(notice, content.now));
    news = { inArchiveOrder, inFeedOrder: inFeedOrder(inArchiveOrder, content.now) };
    lists.set(locale, news);
  }
  return news;
}

const catalogs = new WeakMap<SiteContent, FeedDefinition[]>();

/** Every feed of the site: per language, per institution and per category (the last two in one language). */
export function feedCatalog(content: SiteContent): FeedDefinition[] {
  const known = catalogs.get(content);
  if (known) return known;
  const catalog = buildCatalog(content);
  catalogs.set(content, catalog);
  return catalog;
}

const indexes = new WeakMap<SiteContent, Map<string, FeedDefinition>>();

/** The feed a route publishes, by what its parameters name (not by matching its URL). */
export function feedFor(content: SiteContent, key: FeedKey): FeedDefinition {
  let index = indexes.get(content);
  if (!index) {
    index = new Map(feedCatalog(content).map((definition) => [idOf(definition.key), definition]));
    indexes.set(content, index);
  }
  const definition = index.get(idOf(key));
  if (!definition) throw new Error(`Tablica: there is no feed ${idOf(key)}`);
  return definition;
}

function buildCatalog(content: SiteContent): FeedDefinition[] {
  const { siteName } = content.settings;
  const institutionLocale = singleLanguageOf('institution-feeds');
  const categoryLocale = singleLanguageOf('category-feeds');
  const feed = (
    key: FeedKey,
    paths: { rss: string; json: string },
    definition: Omit<FeedDefinition, 'key' | 'rssPath' | 'jsonPath' | 'now' | 'withdrawals'>,
  ): FeedDefinition => ({
    key,
    rssPath: paths.rss,
    jsonPath: paths.json,
    ...definition,
    // Still news and in feed order already (newsInLanguage): the newest FEED_ITEMS.
    ...withdrawalsOf(content, definition.notices.slice(0, FEED_ITEMS)),
    hubs: content.websubHubs,
  });
  return [
    ...LOCALES.map((locale) =>
      feed({ kind: 'site', locale }, outputPaths.feed(locale), {
        title: `${siteName} — ${UI[locale].feedTitle}`,
        description: content.settings.tagline ?? siteName,
        language: locale,
        homePath: routes.home(locale),
        notices: newsInLanguage(content, locale).inFeedOrder,
      }),
    ),
    ...content.institutions.map((institution) =>
      feed({ kind: 'institution', slug: institution.slug }, outputPaths.institutionFeed(institution.slug), {
        title: `${institution.name} — ${UI[institutionLocale].feedTitle}`,
        description: `${siteName}: ${institution.name}`,
        language: institutionLocale,
        homePath: routes.institution(institution.slug, institutionLocale),
        notices: newsInLanguage(content, institutionLocale).inFeedOrder.filter(
          (notice) => notice.institution === institution.slug,
        ),
      }),
    ),
    ...CATEGORIES.map((category: Category) =>
      feed({ kind: 'category', category }, outputPaths.categoryFeed(category), {
        title: `${siteName} — ${UI[categoryLocale].category[category]}`,
        description: `${siteName}: ${UI[categoryLocale].category[category]}`,
        language: categoryLocale,
        homePath: routes.home(categoryLocale),
        notices: newsInLanguage(content, categoryLocale).inFeedOrder.filter((notice) => notice.category === category),
      }),
    ),
  ];
}

/**
 * The newer notice that replaces `slug`, in the default language: the one taking over first when
 * several name it (an extension published as its own notice).
 */
export function replacementOf(content: SiteContent, slug: string): Replacement | undefined {
  const successors = (content.supersededBy.get(slug) ?? []).flatMap(
    (successor) => content.versions.get(successor)?.[DEFAULT_LOCALE] ?? [],
  );
  const first = successors.sort((a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime())[0];
  return first && { slug: first.slug, from: first.effectiveFrom, publishedAt: first.publishedAt };
}

/**
 * An institution's calendar: its notices (in the calendars' one language) still on, announced or ended in the last
 * 30 days — long enough for calendar apps to pick up a cancellation — each with what replaced it.
 */
export function institutionCalendarEntries(content: SiteContent, institution: string): CalendarEntry[] {
  return newsInLanguage(content, singleLanguageOf('calendars'))
    .inArchiveOrder.filter((notice) => notice.institution === institution)
    .map((notice) => ({ notice, replacement: replacementOf(content, notice.slug) }));
}

/** Notices with a CAP message file: those in feeds (on, announced, recently ended or lifted). */
export function capMessageNotices(content: SiteContent): Notice[] {
  return newsInLanguage(content, singleLanguageOf('cap')).inArchiveOrder;
}
