import {
  DEFAULT_LOCALE,
  formatPeriod,
  isLocale,
  LOCALES,
  type Locale,
  type MessageStatus,
  markedTitle,
  type Notice,
  PublishedNoticeSchema,
  slugsStillNews,
  validate,
  versionSentAt,
} from '@tablica/shared';
import { absoluteUrl, routes } from '../../src/lib/routes.ts';
import { topicsOfNotice } from './request.ts';

/** What kind of news a version is; the subject line and the first words of a message say it. */
export type VersionKind = 'new' | 'update' | 'extension' | 'lift';

/** A notice version in one language, as a message tells it. */
export interface VersionText {
  locale: Locale;
  title: string;
  summary: string;
  period: string;
  changeNote?: string;
  url: string;
}

/**
 * One announced version of a notice: the unit subscribers hear of, at most once each. It is the
 * version in the default language (a notice exists once it exists there); a translation published
 * later at the same revision is the same news, and a stale translation is not used for it.
 */
export interface LiveVersion {
  key: string;
  topics: string[];
  message: VersionMessage;
}

export interface VersionMessage {
  slug: string;
  revision: number;
  kind: VersionKind;
  /** Real, or a rehearsal (exercise, test): residents hear only of real ones; newsrooms of all, told which. */
  status: MessageStatus;
  /** The institution's name, as messages say it; `institutionSlug` names it for machines. */
  institution: string;
  institutionSlug: string;
  /** When this version was sent (ISO), as RSS, JSON Feed and CAP date it. */
  sentAt: string;
  siteName: string;
  texts: Partial<Record<Locale, VersionText>>;
}

export interface LiveReport {
  siteSettings?: { siteName?: string };
  institutions?: { slug?: string; name?: string }[];
  /** The notices that were still news when the build ran (src/lib/build-report.ts), as JSON. */
  notices?: unknown[];
}

/**
 * The versions a live build carries that are still news (in force, announced or just ended —
 * a lifting is news), read from the build's report. A notice the report cannot vouch for is
 * skipped: it was checked by the build, so this only guards against a report from another version.
 */
export function liveVersions(report: LiveReport, baseUrl: string, now: Date): LiveVersion[] {
  const notices: Notice[] = [];
  for (const raw of report.notices ?? []) {
    const parsed = validate(PublishedNoticeSchema, raw);
    if (parsed.success) notices.push(parsed.data);
  }
  const bySlug = new Map<string, Partial<Record<Locale, Notice>>>();
  for (const notice of notices) {
    if (!isLocale(notice.locale)) continue;
    bySlug.set(notice.slug, { ...bySlug.get(notice.slug), [notice.locale]: notice });
  }
  const news = slugsStillNews(notices, now);
  const institutionName = new Map((report.institutions ?? []).map((entry) => [entry.slug, entry.name]));
  const siteName = report.siteSettings?.siteName ?? 'Tablica';
  const versions: LiveVersion[] = [];
  for (const [slug, languages] of bySlug) {
    const original = languages[DEFAULT_LOCALE];
    if (!original || !news.has(slug)) continue;
    const texts: Partial<Record<Locale, VersionText>> = {};
    for (const locale of LOCALES) {
      const notice = languages[locale];
      // A translation behind the original tells an older version: the reader gets the original.
      if (notice && notice.revision === original.revision) texts[locale] = textOf(notice, locale, baseUrl);
    }
    versions.push({
      key: `${slug}@${original.revision}`,
      topics: topicsOfNotice(original),
      message: {
        slug,
        revision: original.revision,
        kind: kindOf(original),
        status: original.messageStatus,
        institution: institutionName.get(original.institution) ?? original.institution,
        institutionSlug: original.institution,
        sentAt: versionSentAt(original).toISOString(),
        siteName,
        texts,
      },
    });
  }
  return versions;
}

function textOf(notice: Notice, locale: Locale, baseUrl: string): VersionText {
  const latestUpdate = notice.updates.toSorted((a, b) => b.at.getTime() - a.at.getTime())[0];
  return {
    locale,
    title: markedTitle(notice),
    summary: notice.summary,
    period: formatPeriod(
      { start: notice.effectiveFrom, end: notice.liftedAt ?? notice.effectiveUntil, timeZone: notice.timeZone },
      locale,
    ),
    ...(notice.revision > 1 && latestUpdate ? { changeNote: latestUpdate.text } : {}),
    url: absoluteUrl(baseUrl, routes.notice(notice.slug, locale)),
  };
}

/**
 * Lifted, new, or changed — and a change that moves the end later is an extension, which is what
 * residents most need to hear ("still closed, now until 10 April").
 */
export function kindOf(notice: Notice): VersionKind {
  if (notice.liftedAt) return 'lift';
  if (notice.revision === 1) return 'new';
  const previous = notice.publications
    .filter((entry) => entry.revision < notice.revision)
    .sort((a, b) => b.revision - a.revision)[0];
  const previousEnd = previous?.notice.effectiveUntil;
  const end = notice.effectiveUntil?.getTime();
  if (typeof previousEnd === 'string') {
    const before = Date.parse(previousEnd);
    if (end === undefined || (Number.isFinite(before) && end > before)) return 'extension';
  }
  return 'update';
}
