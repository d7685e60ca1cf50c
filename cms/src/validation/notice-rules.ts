import type { Core } from '@strapi/strapi';
import { describePath, type FieldError, ruleMessage, SHARED_NOTICE_FIELDS, validateNoticeInput } from '@tablica/shared';
import { NOTICE_POPULATE } from '../content/populate';
import { toSharedNotice } from '../content/to-shared';
import { relationTarget } from './relation-target';

const NOTICE = 'api::notice.notice';
type Record_ = Record<string, unknown>;

// Attachments are validated for their labels; uploaded files are served by the CMS itself.
const UPLOADED_FILE = { url: 'http://cms.invalid/uploads/pending' };

async function slugOfTarget(
  strapi: Core.Strapi,
  uid: 'api::institution.institution' | 'api::notice.notice',
  value: unknown,
  current: unknown,
) {
  const target = relationTarget(value);
  if (target === undefined) return current;
  if (target === null) return null;
  const where = 'documentId' in target ? { documentId: target.documentId } : { id: target.id };
  // A target that does not exist counts as no target: the editor is asked to choose one.
  return (await strapi.db.query(uid).findOne({ where, select: ['slug'] })) ?? null;
}

/** The notice as it would be after the write: the stored draft with the incoming data on top. */
async function candidateAfterWrite(strapi: Core.Strapi, existing: Record_ | null, data: Record_, locale: string) {
  const merged: Record_ = { ...(existing ?? {}), ...data, locale };
  merged.institution = await slugOfTarget(
    strapi,
    'api::institution.institution',
    data.institution,
    existing?.institution,
  );
  merged.supersedes = await slugOfTarget(strapi, NOTICE, data.supersedes, existing?.supersedes);
  if (Array.isArray(merged.attachments)) {
    merged.attachments = merged.attachments.map((attachment: Record_) => ({ ...attachment, file: UPLOADED_FILE }));
  }
  return toSharedNotice(merged, { mediaBaseUrl: 'http://cms.invalid' });
}

function findDraft(strapi: Core.Strapi, documentId: string, locale: string) {
  return strapi.documents(NOTICE).findOne({ documentId, locale, status: 'draft', populate: NOTICE_POPULATE as never });
}

// Fields Strapi keeps the same in every locale (pluginOptions.i18n.localized: false): the shared
// model's, plus the slug and the CMS's revision counter.
const NOT_LOCALIZED = ['slug', ...SHARED_NOTICE_FIELDS, 'revision'];

/**
 * The stored draft in this locale or, for a new translation, the shared fields of the version
 * it translates: Strapi fills those in itself, so a translator sends only the texts.
 */
async function storedBase(strapi: Core.Strapi, documentId: string, locale: string) {
  const own = (await findDraft(strapi, documentId, locale)) as Record_ | null;
  if (own) return { base: own, newLocale: false };
  const other = (await strapi.documents(NOTICE).findMany({
    filters: { documentId },
    locale: '*',
    status: 'draft',
    populate: NOTICE_POPULATE as never,
    limit: 1,
  })) as Record_[];
  const source = other[0];
  return source ? { base: Object.fromEntries(NOT_LOCALIZED.map((key) => [key, source[key]])), newLocale: true } : null;
}

/** A new translation gets the shared fields it did not send, so Strapi's own checks pass too. */
function fillSharedFields(data: Record_, base: Record_) {
  for (const key of NOT_LOCALIZED) {
    if (data[key] !== undefined || base[key] === undefined || base[key] === null || key === 'revision') continue;
    const value = base[key] as Record_;
    data[key] = key === 'institution' ? value.documentId : value;
  }
}

/**
 * Stores channel values the way the shared schema normalises them (E.164 phones with a separate
 * extension, lower-case e-mail), so the editor sees the canonical form after saving.
 */
export function normalizeChannels(data: Record_, normalized: readonly { value: string; extension?: string }[]) {
  if (!Array.isArray(data.channels)) return;
  data.channels = data.channels.map((channel: Record_, index: number) => {
    const canonical = normalized[index];
    return canonical ? { ...channel, value: canonical.value, extension: canonical.extension ?? null } : channel;
  });
}

/** Create and update: the whole notice must be valid, and its slug is fixed once published. */
export async function checkNoticeWrite(strapi: Core.Strapi, params: Record_, documentId?: string) {
  const locale = typeof params.locale === 'string' ? params.locale : 'pl';
  const data = (params.data ?? {}) as Record_;
  const stored = documentId ? await storedBase(strapi, documentId, locale) : null;
  const existing = stored?.base ?? null;
  if (stored?.newLocale) fillSharedFields(data, stored.base);
  const candidate = await candidateAfterWrite(strapi, existing, data, locale);
  const result = validateNoticeInput(candidate);
  const fieldErrors: FieldError[] = result.success ? [] : [...result.errors];
  if (result.success) normalizeChannels(data, result.data.channels);

  const published = existing && Number(existing.revision ?? 0) > 0;
  if (published && typeof data.slug === 'string' && data.slug !== existing.slug) {
    fieldErrors.push({
      path: ['slug'],
      field: 'slug',
      location: describePath(['slug'], 'pl'),
      message: ruleMessage('slug-frozen', 'pl', {}) ?? 'slug-frozen',
    });
  }
  return fieldErrors;
}

/** Publish: the draft being published must be valid on its own. */
export async function checkNoticePublish(strapi: Core.Strapi, documentId: string, locale: string) {
  const draft = (await findDraft(strapi, documentId, locale)) as Record_ | null;
  if (!draft) return [];
  const result = validateNoticeInput(toSharedNotice(draft, { mediaBaseUrl: 'http://cms.invalid' }));
  return result.success ? [] : result.errors;
}

/** Every publish is a new version: iCalendar SEQUENCE and CAP updates count on it. */
export async function bumpRevision(strapi: Core.Strapi, documentId: string) {
  const drafts = await strapi.db
    .query(NOTICE)
    .findMany({ where: { documentId, publishedAt: null }, select: ['revision'] });
  const next = Math.max(0, ...drafts.map((draft: { revision?: number | null }) => Number(draft.revision ?? 0))) + 1;
  await strapi.db.query(NOTICE).updateMany({ where: { documentId }, data: { revision: next } });
}
