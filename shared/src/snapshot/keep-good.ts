import * as z from 'zod';
import { DEFAULT_LOCALE } from '../i18n/locales.ts';
import type { MessageLanguage } from '../i18n/messages.ts';
import { InstitutionSchema } from '../schemas/institution.ts';
import { InstantSchema } from '../schemas/local-date.ts';
import { type Notice, PublishedNoticeSchema } from '../schemas/notice.ts';
import { SiteSettingsSchema } from '../schemas/site-settings.ts';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type Snapshot, SnapshotReferencesSchema } from '../schemas/snapshot.ts';
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
  exportedAt: InstantSchema.optional(),
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
  /**
   * The notices of the last good build: a notice that now fails falls back to its version here.
   * A function is called only if a notice fails (a build's last good list is the whole site).
   */
  lastGood?: readonly unknown[] | (() => readonly unknown[]);
  /**
   * Resolve "@today…" dates (relative-dates.ts), as snapshot files in the demo's format have them;
   * false for content read from the CMS, which is taken as the editors wrote it.
   */
  relativeDates?: boolean;
  /**
   * Notices parsed alone by an earlier load, and those this load parses (a build's cache of the
   * CMS's notices by version): a notice `known` is taken as parsed then, not parsed again. The
   * rules across notices are checked every time.
   */
  parses?: NoticeParses;
}

/** What an earlier load made of notices given to it again, and what this one makes of new ones. */
export interface NoticeParses {
  /** The notice as the rules parsed it before, when `given` is one they passed then. */
  known(given: unknown): Notice | undefined;
  /** `given` passed the rules on its own, parsed as `notice`. */
  parsed(given: unknown, notice: Notice): void;
}

/**
 * Loads a snapshot so that one bad notice cannot stop every other one: each notice that fails
 * the rules (alone, or against the others: an unknown institution, a translation whose original
 * failed) is replaced by its last good version, or left out when it has none, and reported. The
 * settings and institutions must still be valid, as every page depends on them.
 */
export function loadSnapshotKeepingGood(
  raw: unknown,
  {
    now = new Date(),
    source = 'snapshot',
    language = 'en',
    lastGood = [],
    relativeDates = true,
    parses,
  }: KeepGoodOptions = {},
): KeptSnapshot {
  const resolved = (relativeDates ? resolveRelativeDates(raw, now) : raw) as Record<string, unknown>;
  const envelope = validate(EnvelopeSchema, resolved, { language });
  if (!envelope.success) {
    throw new SnapshotError(
      source,
      envelope.errors.map((error) => nameEntry(error, resolved, language)),
    );
  }
  let previous: Map<string, unknown> | undefined;
  const previousOf = (key: string) => {
    previous ??= new Map(
      (typeof lastGood === 'function' ? lastGood() : lastGood).map((notice) => [keyOf(notice), notice]),
    );
    return previous.get(key);
  };
  const problems = new Map<string, NoticeProblem>();
  // Each notice as given (for naming it in messages) and as parsed: checked one by one, then
  // against each other, without parsing them again.
  let given = [...envelope.data.notices];
  let parsed: (Notice | undefined)[] = [];

  /** Swaps notice `index` for its last good version (or drops it), remembering why. */
  const replace = (index: number, errors: FieldError[]) => {
    const notice = given[index];
    const key = keyOf(notice);
    const { slug, locale } = (notice ?? {}) as { slug?: unknown; locale?: unknown };
    const known = problems.get(key);
    const fallback = known ? undefined : previousOf(key);
    const usable = fallback === undefined ? undefined : PublishedNoticeSchema.safeParse(fallback);
    const kept = usable?.success ? usable.data : undefined;
    problems.set(key, {
      slug: String(slug),
      locale: String(locale ?? DEFAULT_LOCALE),
      kept: kept ? 'previous' : 'none',
      ...(kept ? { keptRevision: kept.revision } : {}),
      errors: [...(known?.errors ?? []), ...errors],
    });
    given[index] = kept ? fallback : undefined;
    parsed[index] = kept;
  };

  const failed = new Map<number, FieldError[]>();
  parsed = given.map((notice, index) => {
    const known = parses?.known(notice);
    if (known) return known;
    const alone = validate(PublishedNoticeSchema, notice, { language });
    if (alone.success) {
      parses?.parsed(notice, alone.data);
      return alone.data;
    }
    failed.set(
      index,
      alone.errors.map((error) => nameEntry({ ...error, path: ['notices', index, ...error.path] }, resolved, language)),
    );
    return undefined;
  });
  for (const [index, errors] of failed) replace(index, errors);
  const { format, version, exportedAt, siteSettings, institutions } = envelope.data;
  // Rules across notices: each round removes at least one notice, so this ends.
  for (;;) {
    given = given.filter((_, index) => parsed[index] !== undefined);
    parsed = parsed.filter((notice) => notice !== undefined);
    const notices = parsed as Notice[];
    const whole = validate(SnapshotReferencesSchema, { institutions, notices }, { language });
    if (whole.success) {
      const snapshot = {
        format,
        version,
        ...(exportedAt === undefined ? {} : { exportedAt }),
        siteSettings,
        institutions,
        notices,
      };
      return { snapshot, problems: [...problems.values()] };
    }
    const byIndex = new Map<number, FieldError[]>();
    for (const error of whole.errors) {
      const [collection, index] = error.path;
      if (collection !== 'notices' || typeof index !== 'number') {
        throw new SnapshotError(
          source,
          whole.errors.map((item) => nameEntry(item, { ...resolved, notices: given }, language)),
        );
      }
      byIndex.set(index, [...(byIndex.get(index) ?? []), nameEntry(error, { ...resolved, notices: given }, language)]);
    }
    for (const [index, errors] of byIndex) replace(index, errors);
  }
}
