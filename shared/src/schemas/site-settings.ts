import * as z from 'zod';
import { DEFAULT_LOCALE } from '../i18n/locales.ts';
import { ChannelSchema } from './channel.ts';
import { LocalDateSchema } from './local-date.ts';
import { LocaleSchema } from './notice.ts';
import { multiLine, singleLine } from './text.ts';
import { HttpUrlSchema } from './url.ts';

/**
 * The accessibility statement (deklaracja dostępności) with the fields the Polish template for
 * public bodies requires (ustawa z 4 kwietnia 2019 r. o dostępności cyfrowej).
 */
export const AccessibilityStatementSchema = z
  .object({
    entityName: singleLine({ max: 200 }),
    siteUrl: HttpUrlSchema,
    sitePublishedOn: LocalDateSchema,
    siteUpdatedOn: LocalDateSchema,
    compliance: z.enum(['full', 'partial', 'none']),
    nonAccessibleContent: z
      .array(multiLine({ max: 500 }))
      .max(30)
      .default([]),
    exemptions: z
      .array(multiLine({ max: 500 }))
      .max(30)
      .default([]),
    preparedOn: LocalDateSchema,
    reviewedOn: LocalDateSchema,
    assessment: z.enum(['self-assessment', 'external']),
    assessedBy: singleLine({ max: 200 }).optional(),
    keyboardShortcuts: multiLine({ max: 1000 }).optional(),
    contactName: singleLine({ max: 120 }),
    contactEmail: ChannelSchema.optional(),
    contactPhone: ChannelSchema.optional(),
    architecturalAccessibility: multiLine({ max: 5000 }).optional(),
    mobileApps: multiLine({ max: 1000 }).optional(),
    signLanguage: multiLine({ max: 1000 }).optional(),
  })
  .refine((statement) => statement.reviewedOn >= statement.preparedOn, {
    path: ['reviewedOn'],
    params: { rule: 'review-before-prepared' },
  });

export const WidgetDefaultsSchema = z.object({
  limit: z.number().int().min(1).max(10).default(3),
  theme: z.enum(['auto', 'light', 'dark']).default('auto'),
});

export const SiteSettingsSchema = z.object({
  siteName: singleLine({ max: 80 }),
  tagline: singleLine({ max: 160 }).optional(),
  baseUrl: HttpUrlSchema,
  defaultLocale: LocaleSchema.default(DEFAULT_LOCALE),
  publisherName: singleLine({ max: 200 }),
  accessibilityStatement: AccessibilityStatementSchema,
  footerChannels: z.array(ChannelSchema).max(10).default([]),
  widget: WidgetDefaultsSchema.default({ limit: 3, theme: 'auto' }),
});

export type SiteSettings = z.output<typeof SiteSettingsSchema>;
export type AccessibilityStatement = z.output<typeof AccessibilityStatementSchema>;
