import {
  DEFAULT_LOCALE,
  LOCALES,
  type Notice,
  type Publication,
  PublishedNoticeSchema,
  versionSentAt,
} from '@tablica/shared';
import type { SiteContent } from './content.ts';
import { capMessageNotices } from './feeds.ts';
import type { CapMessageVersion, CapReference } from './outputs/cap.ts';

/**
 * Every CAP message the site keeps: each version of each notice with a current message, and of
 * each notice those replace, so that every message a `references` names can be fetched. A message
 * is made from the CMS's record of what that version said when it was sent (Notice.publications);
 * the current version is the notice itself. A notice published before that record existed has
 * only its current message, and its earlier versions cannot be named.
 */
export interface CapMessageFile extends CapMessageVersion {
  slug: string;
  revision: number;
}

/** When the original language's version `revision` was sent (see versionSentAt); unknown for an unrecorded earlier one. */
function sentOf(original: Notice, revision: number): Date | undefined {
  if (revision === original.revision) return versionSentAt(original);
  return original.publications.find((entry) => entry.revision === revision)?.sent;
}

/** A recorded version as the notice it was; undefined when the model has moved on and it no longer reads. */
function asNotice(current: Notice, entry: Publication): Notice | undefined {
  const parsed = PublishedNoticeSchema.safeParse({
    ...entry.notice,
    slug: current.slug,
    locale: current.locale,
    revision: entry.revision,
    createdAt: current.createdAt.toISOString(),
    updatedAt: entry.sent.toISOString(),
    publishedAt: entry.sent.toISOString(),
    publications: [],
  });
  return parsed.success ? parsed.data : undefined;
}

/** The texts of one version, original language first: each language that had that version. */
function translationsAt(byLocale: Partial<Record<string, Notice>>, revision: number): Notice[] {
  return LOCALES.flatMap((locale) => {
    const notice = byLocale[locale];
    if (!notice) return [];
    if (notice.revision === revision) return [notice];
    const entry = notice.publications.find((publication) => publication.revision === revision);
    return entry ? (asNotice(notice, entry) ?? []) : [];
  });
}

function noticeMessages(content: SiteContent, slug: string): CapMessageFile[] {
  const byLocale = content.versions.get(slug) ?? {};
  const original = byLocale[DEFAULT_LOCALE];
  if (!original) return [];
  const revisions = [...new Set([...original.publications.map(({ revision }) => revision), original.revision])].sort(
    (a, b) => a - b,
  );
  const replaced = original.supersedes ? content.versions.get(original.supersedes)?.[DEFAULT_LOCALE] : undefined;
  const replacedReference: CapReference[] = replaced
    ? [
        {
          slug: replaced.slug,
          revision: replaced.revision,
          sent: versionSentAt(replaced),
          timeZone: replaced.timeZone,
        },
      ]
    : [];
  const files: CapMessageFile[] = [];
  for (const revision of revisions) {
    const translations = translationsAt(byLocale, revision);
    const sent = sentOf(original, revision);
    if (translations[0]?.locale !== DEFAULT_LOCALE || !sent) continue;
    // Every earlier version this one follows, then the notice it replaces.
    const earlier = files.map(({ slug: own, revision: number, sent: at }) => ({
      slug: own,
      revision: number,
      sent: at,
      timeZone: original.timeZone,
    }));
    files.push({ slug, revision, translations, sent, references: [...earlier, ...replacedReference] });
  }
  return files;
}

const keptSlugs = new WeakMap<SiteContent, readonly string[]>();

/**
 * The notices whose messages the site keeps: each with a current message, and each notice those
 * replace, back along the chain (each message an Update names stays available).
 */
export function capMessageSlugs(content: SiteContent): readonly string[] {
  const known = keptSlugs.get(content);
  if (known) return known;
  const slugs = new Set<string>();
  const keep = (slug: string | undefined) => {
    for (let next = slug; next && !slugs.has(next); next = content.versions.get(next)?.[DEFAULT_LOCALE]?.supersedes) {
      slugs.add(next);
    }
  };
  for (const notice of capMessageNotices(content)) keep(notice.slug);
  const kept = [...slugs];
  keptSlugs.set(content, kept);
  return kept;
}

const messagesBySlug = new WeakMap<SiteContent, Map<string, CapMessageFile[]>>();

/**
 * A notice's message files, one per version, made once per build: the route and the CAP index
 * both ask for a current notice's.
 */
export function capMessagesOf(content: SiteContent, slug: string): CapMessageFile[] {
  let bySlug = messagesBySlug.get(content);
  if (!bySlug) {
    bySlug = new Map();
    messagesBySlug.set(content, bySlug);
  }
  let files = bySlug.get(slug);
  if (!files) {
    files = noticeMessages(content, slug);
    bySlug.set(slug, files);
  }
  return files;
}

/**
 * The messages of the CAP index, which aggregators take as "in effect now": each current notice's
 * latest message, not expired at build time (a lifted notice's Cancel stays until its announced
 * end, so they learn of it), not replaced by a newer notice (whose Update names it), newest sent first.
 */
export function currentCapMessages(content: SiteContent): CapMessageFile[] {
  return capMessageNotices(content)
    .filter((notice) => !notice.effectiveUntil || notice.effectiveUntil > content.now)
    .filter((notice) => (content.supersededBy.get(notice.slug) ?? []).length === 0)
    .flatMap((notice) => capMessagesOf(content, notice.slug).at(-1) ?? [])
    .sort((a, b) => b.sent.getTime() - a.sent.getTime() || a.slug.localeCompare(b.slug));
}
