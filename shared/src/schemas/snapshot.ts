import * as z from 'zod';
import { DEFAULT_LOCALE } from '../i18n/locales.ts';
import { type Institution, InstitutionSchema } from './institution.ts';
import { InstantSchema } from './local-date.ts';
import { type Notice, PublishedNoticeSchema, SHARED_NOTICE_FIELDS } from './notice.ts';
import { SiteSettingsSchema } from './site-settings.ts';

export const SNAPSHOT_FORMAT = 'tablica-snapshot';
export const SNAPSHOT_VERSION = 1;

/**
 * A complete, self-contained copy of the published content: what the site builds from, what the
 * CMS seeds from and exports to. Format documented in shared/fixtures/README.md.
 */
/**
 * The rules across entries: unique slugs, known institutions and replaced notices, an original
 * for every translation, which shares its period, institution and classification.
 */
function checkReferences(
  snapshot: { institutions: readonly Institution[]; notices: readonly Notice[] },
  ctx: z.RefinementCtx,
): void {
  const institutionSlugs = new Set<string>();
  snapshot.institutions.forEach((institution, index) => {
    if (institutionSlugs.has(institution.slug)) {
      ctx.addIssue({ code: 'custom', path: ['institutions', index, 'slug'], params: { rule: 'duplicate-slug' } });
    }
    institutionSlugs.add(institution.slug);
  });

  const translations = new Map<string, Notice>();
  const defaultVersions = new Map<string, Notice>();
  for (const notice of snapshot.notices) {
    if (notice.locale === DEFAULT_LOCALE) defaultVersions.set(notice.slug, notice);
  }
  snapshot.notices.forEach((notice, index) => {
    const key = `${notice.slug}\u0000${notice.locale}`;
    if (translations.has(key)) {
      ctx.addIssue({ code: 'custom', path: ['notices', index, 'slug'], params: { rule: 'duplicate-slug' } });
    }
    translations.set(key, notice);
    if (!institutionSlugs.has(notice.institution)) {
      ctx.addIssue({
        code: 'custom',
        path: ['notices', index, 'institution'],
        params: { rule: 'unknown-institution', slug: notice.institution },
      });
    }
    if (
      notice.supersedes !== undefined &&
      !translations.has(`${notice.supersedes}\u0000${notice.locale}`) &&
      !defaultVersions.has(notice.supersedes)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['notices', index, 'supersedes'],
        params: { rule: 'unknown-notice', slug: notice.supersedes },
      });
    }
    const original = defaultVersions.get(notice.slug);
    if (!original) {
      ctx.addIssue({
        code: 'custom',
        path: ['notices', index, 'locale'],
        params: { rule: 'missing-default-locale' },
      });
      return;
    }
    // Translations share the period, institution and classification: feeds must agree.
    for (const field of SHARED_NOTICE_FIELDS) {
      if (!sameValue(notice[field], original[field])) {
        ctx.addIssue({
          code: 'custom',
          path: ['notices', index, field],
          params: { rule: 'translation-differs' },
        });
      }
    }
  });
}

export const SnapshotSchema = z
  .object({
    format: z.literal(SNAPSHOT_FORMAT),
    version: z.literal(SNAPSHOT_VERSION),
    exportedAt: InstantSchema.optional(),
    siteSettings: SiteSettingsSchema,
    institutions: z.array(InstitutionSchema),
    notices: z.array(PublishedNoticeSchema),
  })
  // Cross-references are checked once every entry is valid on its own.
  .superRefine(checkReferences, { when: (payload) => payload.issues.length === 0 });

/**
 * The rules across entries alone, for entries already parsed one by one (the site's build,
 * keep-good.ts): parsing 30,000 notice versions a second time cost a second at 10,000 notices.
 */
export const SnapshotReferencesSchema = z
  .object({ institutions: z.array(z.custom<Institution>()), notices: z.array(z.custom<Notice>()) })
  .superRefine(checkReferences);

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

export type Snapshot = z.output<typeof SnapshotSchema>;
export type SnapshotInput = z.input<typeof SnapshotSchema>;
