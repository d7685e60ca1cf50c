import * as z from 'zod';
import { MESSAGE_STATUSES } from '../domain/rehearsal.ts';
import { DEFAULT_LOCALE, LOCALES } from '../i18n/locales.ts';
import { endOfLocalDay, isLocalDate, isValidTimeZone } from '../time/zoned.ts';
import { AdvisorySchema } from './advisory.ts';
import { AreaSchema } from './area.ts';
import { BlocksSchema } from './blocks.ts';
import { ChannelSchema } from './channel.ts';
import { AttachmentSchema, LinkSchema } from './link.ts';
import { InstantSchema, isInstantText } from './local-date.ts';
import { ProcedureStepSchema } from './procedure.ts';
import { MAX_PUBLICATIONS, PublicationSchema } from './publication.ts';
import { SignLanguageVideoSchema } from './sign-language.ts';
import { SourceSchema } from './source.ts';
import { SuspensionSchema } from './suspension.ts';
import { multiLine, SlugSchema, singleLine } from './text.ts';
import { NoticeUpdateSchema } from './update.ts';

export const LocaleSchema = z.enum(LOCALES);

export const CATEGORIES = ['closure', 'service-change', 'health', 'safety', 'event', 'other'] as const;
export const SEVERITIES = ['info', 'important', 'urgent'] as const;
export const CategorySchema = z.enum(CATEGORIES);
export const SeveritySchema = z.enum(SEVERITIES);
export type Category = z.output<typeof CategorySchema>;
export type Severity = z.output<typeof SeveritySchema>;

export const DEFAULT_TIME_ZONE = 'Europe/Warsaw';

const TimeZoneSchema = z
  .string()
  .default(DEFAULT_TIME_ZONE)
  .refine(isValidTimeZone, { params: { rule: 'time-zone' } });

/** "Until": an instant, or a calendar date meaning the end of that day in the notice's zone. */
const UntilSchema = z
  .string()
  .refine((value) => isLocalDate(value) || isInstantText(value), { params: { rule: 'until-format' } });

/** Fields an editor fills in; the same in every locale except the texts. */
const noticeFields = {
  locale: LocaleSchema.default(DEFAULT_LOCALE),
  slug: SlugSchema,
  title: singleLine({ min: 10, max: 160 }),
  summary: multiLine({ max: 300 }),
  headline: singleLine({ max: 30 }).optional(),
  /** Easy-to-read text (tekst łatwy do czytania, ETR): short sentences, everyday words. */
  easyRead: multiLine({ max: 2000 }).optional(),
  /** The notice in Polish Sign Language (PJM): a video file or a link to one. */
  signLanguageVideo: SignLanguageVideoSchema.optional(),
  institution: SlugSchema,
  category: CategorySchema,
  severity: SeveritySchema,
  /** Real, or a rehearsal (exercise or test) that every output marks and no list counts as real. */
  messageStatus: z.enum(MESSAGE_STATUSES).default('actual'),
  effectiveFrom: InstantSchema,
  effectiveUntil: UntilSchema.optional(),
  /**
   * Set when the institution lifts the notice before its announced end ("odwołanie"): from this
   * instant it is over, and feeds announce a cancellation (CAP Cancel, iCalendar CANCELLED).
   */
  liftedAt: InstantSchema.optional(),
  timeZone: TimeZoneSchema,
  suspensions: z.array(SuspensionSchema).max(30).default([]),
  channels: z.array(ChannelSchema).max(30).default([]),
  proceduresHeading: singleLine({ max: 200 }).optional(),
  procedures: z.array(ProcedureStepSchema).max(50).default([]),
  advisories: z.array(AdvisorySchema).max(10).default([]),
  body: BlocksSchema.optional(),
  links: z.array(LinkSchema).max(20).default([]),
  attachments: z.array(AttachmentSchema).max(20).default([]),
  updates: z.array(NoticeUpdateSchema).max(100).default([]),
  source: SourceSchema.optional(),
  supersedes: SlugSchema.optional(),
  area: AreaSchema.optional(),
  /** BIP metadata: who prepared the information and who published it (names, not accounts). */
  preparedBy: singleLine({ max: 160 }).optional(),
  publishedBy: singleLine({ max: 160 }).optional(),
};

/** Set by the CMS when a notice is published; never typed by an editor. */
const publicationFields = {
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
  publishedAt: InstantSchema,
  /** Rises by one with every published change (iCalendar SEQUENCE, CAP message versions). */
  revision: z.number().int().min(1).default(1),
  /** This language's announced versions, oldest first (the CMS records them; older data has none). */
  publications: z.array(PublicationSchema).max(MAX_PUBLICATIONS).default([]),
};

const PERIOD_FIELDS = new Set<PropertyKey>(['effectiveFrom', 'effectiveUntil', 'timeZone']);

interface PeriodFields {
  effectiveFrom: Date;
  effectiveUntil?: string | undefined;
  timeZone: string;
}

function resolveUntil(until: string, timeZone: string): Date {
  return isLocalDate(until) ? endOfLocalDay(until, timeZone) : new Date(until);
}

const endsAfterStart = (notice: PeriodFields) =>
  notice.effectiveUntil === undefined || resolveUntil(notice.effectiveUntil, notice.timeZone) > notice.effectiveFrom;

/** The period check runs even when other fields fail, so an editor sees every problem after one save. */
const endsAfterStartOptions = {
  path: ['effectiveUntil'],
  params: { rule: 'until-before-from' },
  when: (payload: z.core.ParsePayload) => !payload.issues.some((issue) => PERIOD_FIELDS.has(issue.path?.[0] ?? '')),
};

/** A date-only "until" becomes the instant its day ends in the notice's zone. */
const resolvePeriod = <Notice extends PeriodFields>(notice: Notice) => ({
  ...notice,
  effectiveUntil:
    notice.effectiveUntil === undefined ? undefined : resolveUntil(notice.effectiveUntil, notice.timeZone),
});

/** What an editor submits (CMS create/update). */
export const NoticeInputSchema = z
  .object(noticeFields)
  .refine(endsAfterStart, endsAfterStartOptions)
  .transform(resolvePeriod);

/** A published notice, as the site and every feed receive it: the same rules, plus CMS metadata. */
export const PublishedNoticeSchema = z
  .object({ ...noticeFields, ...publicationFields })
  .refine(endsAfterStart, endsAfterStartOptions)
  .transform(resolvePeriod);

export type NoticeInput = z.input<typeof NoticeInputSchema>;
export type NoticeDraft = z.output<typeof NoticeInputSchema>;
export type PublishedNoticeInput = z.input<typeof PublishedNoticeSchema>;
export type Notice = z.output<typeof PublishedNoticeSchema>;

/**
 * Field names whose values are the same in every translation of a notice (not localised).
 * `supersedes` is not among them: a translation points at the same-language version of the
 * previous notice, which may not exist.
 */
export const SHARED_NOTICE_FIELDS = [
  'institution',
  'category',
  'severity',
  'messageStatus',
  'effectiveFrom',
  'effectiveUntil',
  'liftedAt',
  'timeZone',
] as const satisfies readonly (keyof typeof noticeFields)[];
