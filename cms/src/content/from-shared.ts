import type { Modules, Schema, UID } from '@strapi/strapi';
import type { Institution, Notice, NoticeInput, SiteSettings } from '@tablica/shared';
import { type ENTERED_PERIOD_FIELDS, enteredFields } from './entered-period';

type Input<T extends UID.ContentType> = Modules.Documents.Params.Data.Input<T>;

/**
 * The data of a create or an update, checked against Strapi's generated types (types/generated).
 * Those types have no `null`, but null is how an update clears a field, and a restore must
 * clear what the snapshot leaves empty; `toStrapiInput` is the one place that says so.
 */
export type StrapiData<T extends UID.ContentType> = { [K in keyof Input<T>]?: Input<T>[K] | null };
export const toStrapiInput = <T extends UID.ContentType>(data: StrapiData<T>) => data as Input<T>;

/**
 * Shared shapes (a snapshot) → Strapi document data: the inverse of to-shared.ts, for seeding
 * and restoring backups. Relations are passed in as documentIds resolved by the caller.
 */
const iso = (value: Date | undefined) => (value ? value.toISOString() : null);

export interface NoticeRelations {
  institution: string;
  /**
   * `supersedes` is per language in Strapi (a localized relation stays within its locale): the
   * caller passes it only when the previous notice exists in this notice's language.
   */
  supersedes?: string | undefined;
  /** The media file of each attachment, in order (seed/attachment-files.ts). */
  attachmentFiles: number[];
  /** The uploaded PJM video, when the notice's is a file. */
  signLanguageFile?: number | undefined;
}

/**
 * Every field an editor fills in, mapped: `satisfies` below makes a field added to the shared
 * model and missing here a type error, so nothing is dropped on a seed or a restore. The locale
 * is not data in Strapi (it is the document's locale, passed beside the data).
 */
type NoticeData = Record<Exclude<keyof NoticeInput, 'locale'>, unknown> &
  Record<(typeof ENTERED_PERIOD_FIELDS)[number], unknown>;

export function noticeToStrapi(notice: Notice, relations: NoticeRelations): StrapiData<'api::notice.notice'> {
  return {
    title: notice.title,
    slug: notice.slug,
    summary: notice.summary,
    headline: notice.headline ?? null,
    easyRead: notice.easyRead ?? null,
    signLanguageVideo: signLanguageToStrapi(notice, relations),
    institution: relations.institution,
    category: notice.category,
    severity: notice.severity,
    messageStatus: notice.messageStatus,
    effectiveFrom: iso(notice.effectiveFrom),
    ...enteredFields(notice.effectiveFrom, notice.effectiveUntil, notice.timeZone),
    effectiveUntil: iso(notice.effectiveUntil),
    liftedAt: iso(notice.liftedAt),
    timeZone: notice.timeZone,
    suspensions: notice.suspensions,
    channels: notice.channels,
    proceduresHeading: notice.proceduresHeading ?? null,
    procedures: notice.procedures.map((step) => ({
      text: step.text,
      note: step.note,
      items: step.items.map((text) => ({ text })),
    })),
    advisories: notice.advisories,
    // Strapi's BlocksValue leaves links out of a paragraph's children, which its own editor writes.
    body: (notice.body ?? null) as Schema.Attribute.BlocksValue | null,
    links: notice.links,
    attachments: notice.attachments.map((attachment, index) => ({
      label: attachment.label,
      file: relations.attachmentFiles[index],
    })),
    updates: notice.updates.map((update) => ({ at: update.at.toISOString(), text: update.text })),
    source: notice.source ?? null,
    supersedes: relations.supersedes ?? null,
    area: notice.area ? { description: notice.area.description, teryt: notice.area.teryt.join(', ') } : null,
    preparedBy: notice.preparedBy ?? null,
    publishedBy: notice.publishedBy ?? null,
  } satisfies NoticeData;
}

function signLanguageToStrapi(notice: Notice, relations: NoticeRelations) {
  const video = notice.signLanguageVideo;
  if (!video) return null;
  if (video.kind === 'link') return { link: video.url };
  return relations.signLanguageFile === undefined ? null : { file: relations.signLanguageFile };
}

export function institutionToStrapi(institution: Institution): StrapiData<'api::institution.institution'> {
  const { logo: _logo, area, ...rest } = institution;
  return { ...rest, area: area ? { description: area.description, teryt: area.teryt.join(', ') } : null };
}

export function siteSettingsToStrapi(settings: SiteSettings): StrapiData<'api::site-setting.site-setting'> {
  const statement = settings.accessibilityStatement;
  return {
    ...settings,
    accessibilityStatement: {
      ...statement,
      nonAccessibleContent: statement.nonAccessibleContent.map((text) => ({ text })),
      exemptions: statement.exemptions.map((text) => ({ text })),
    },
  };
}
