import * as z from 'zod';
import { DEFAULT_LOCALE } from '../i18n/locales.ts';
import type { MessageLanguage } from '../i18n/messages.ts';
import { InstitutionSchema } from '../schemas/institution.ts';
import { PublishedNoticeSchema } from '../schemas/notice.ts';
import { SiteSettingsSchema } from '../schemas/site-settings.ts';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type Snapshot, SnapshotSchema } from '../schemas/snapshot.ts';
import { type FieldError, validate } from '../validation.ts';
import { nameEntry, SnapshotError } from './load.ts';
import { resolveRelativeDates } from './relative-dates.ts';

/** A notice the content now has in a form that fails the rules, and what the build did about it. */
export interface NoticeProblem {
  slug: string;
  locale: string;
  /** `previous`: the last good version is published instead; `none`: there is none, it is left out. */
  kept: 'previous' | 'none';
  /** The revision of the version kept, when one is. */
  keptRevision?: number;
  errors: FieldError[];
}

export interface KeptSnapshot {
  snapshot: Snapshot;
  problems: NoticeProblem[];
}

const EnvelopeSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  version: z.literal(SNAPSHOT_VERSION),
  siteSettings: SiteSettingsSchema,
  institutions: z.array(InstitutionSchema),
  notices: z.array(z.unknown()),
});

const keyOf = (notice: unknown) => {
  const { slug, locale } = (notice ?? {}) as { slug?: unknown; locale?: unknown };
  return `${String(slug)}\u0000${String(locale ?? DEFAULT_LOCALE)}`;
};

export interface KeepGoodOptions {
  now?: Date;
  source?: string;
  language?: MessageLanguage;
  /** The notices of the last good build: a notice that now fails falls back to its version here. */
  lastGood?: readonly unknown[];
  /**
   * Resolve "@today…" dates (relative-dates.ts), as snapshot files in the demo's format have them;
   * false for content read from the CMS, which is taken as the editors wrote it.
   */
  relativeDates?: boolean;
}

/**
 * Loads a snapshot so that one bad notice cannot stop every other one: each notice that fails
 * the rules (alone, or against the others: an unknown institution, a translation whose original
 * failed) is replaced by its last good version, or left out when it has none, and reported. The
 * settings and institutions must still be valid, as every page depends on them.
 */
export function loadSnapshotKeepingGood(
  raw: unknown,
  { now = new Date(), source = 'snapshot', language = 'en', lastGood = [], relativeDates = true }: KeepGoodOptions = {},
): KeptSnapshot {
  const resolved = (relativeDates ? resolveRelativeDates(raw, now) : raw) as Record<string, unknown>;
  const envelope = validate(EnvelopeSchema, resolved, { language });
  if (!envelope.success) {
    throw new SnapshotError(
      source,
      envelope.errors.map((error) => nameEntry(error, resolved, language)),
    );
  }
  const previous = new Map(lastGood.map((notice) => [keyOf(notice), notice]));
  const problems = new Map<string, NoticeProblem>();
  let notices = [...envelope.data.notices];

  /** Swaps notice `index` for its last good version (or drops it), remembering why. */
  const replace = (index: number, errors: FieldError[]) => {
    const notice = notices[index];
    const key = keyOf(notice);
    const { slug, locale } = (notice ?? {}) as { slug?: unknown; locale?: unknown };
    const known = problems.get(key);
    const fallback = known ? undefined : previous.get(key);
    const usable = fallback !== undefined && PublishedNoticeSchema.safeParse(fallback).success ? fallback : undefined;
    problems.set(key, {
      slug: String(slug),
      locale: String(locale ?? DEFAULT_LOCALE),
      kept: usable ? 'previous' : 'none',
      ...(usable ? { keptRevision: Number((usable as { revision?: unknown }).revision) } : {}),
      errors: [...(known?.errors ?? []), ...errors],
    });
    notices[index] = usable;
  };

  notices.forEach((notice, index) => {
    const alone = validate(PublishedNoticeSchema, notice, { language });
    if (!alone.success)
      replace(
        index,
        alone.errors.map((error) =>
          nameEntry({ ...error, path: ['notices', index, ...error.path] }, resolved, language),
        ),
      );
  });
  // Rules across notices: each round removes at least one notice, so this ends.
  for (;;) {
    notices = notices.filter((notice) => notice !== undefined);
    const whole = validate(SnapshotSchema, { ...resolved, notices }, { language });
    if (whole.success) return { snapshot: whole.data, problems: [...problems.values()] };
    const byIndex = new Map<number, FieldError[]>();
    for (const error of whole.errors) {
      const [collection, index] = error.path;
      if (collection !== 'notices' || typeof index !== 'number') {
        throw new SnapshotError(
          source,
          whole.errors.map((item) => nameEntry(item, { ...resolved, notices }, language)),
        );
      }
      byIndex.set(index, [...(byIndex.get(index) ?? []), nameEntry(error, { ...resolved, notices }, language)]);
    }
    for (const [index, errors] of byIndex) replace(index, errors);
  }
}
