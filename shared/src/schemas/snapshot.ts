import * as z from 'zod';
import { DEFAULT_LOCALE } from '../i18n/locales.ts';
import { InstitutionSchema } from './institution.ts';
import { InstantSchema } from './local-date.ts';
import { type Notice, PublishedNoticeSchema, SHARED_NOTICE_FIELDS } from './notice.ts';
import { SiteSettingsSchema } from './site-settings.ts';

export const SNAPSHOT_FORMAT = 'tablica-snapshot';
export const SNAPSHOT_VERSION = 1;

/**
 * A complete, self-contained copy of the published content: what the site builds from, what the
 * CMS seeds from and exports to. Format documented in shared/fixtures/README.md.
 */
export const SnapshotSchema = z
  .object({
    format: z.literal(SNAPSHOT_FORMAT),
    version: z.literal(SNAPSHOT_VERSION),
    exportedAt: InstantSchema.optional(),
    siteSettings: SiteSettingsSchema,
    institutions: z.array(InstitutionSchema),
    notices: z.array(PublishedNoticeSchema),
  })
  .superRefine(
    (snapshot, ctx) => {
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
    },
    // Cross-references are checked once every entry is valid on its own.
    { when: (payload) => payload.issues.length === 0 },
  );

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

export type Snapshot = z.output<typeof SnapshotSchema>;
export type SnapshotInput = z.input<typeof SnapshotSchema>;
