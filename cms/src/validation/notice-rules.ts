import type { Core } from '@strapi/strapi';
import {
  DEFAULT_LOCALE,
  describePath,
  EDITOR_LANGUAGE,
  type FieldError,
  isPlaceholderSlug,
  ruleMessage,
  SHARED_NOTICE_FIELDS,
  slugFromTitle,
  validateNoticeInput,
} from '@tablica/shared';
import { ENTERED_PERIOD_FIELDS, enteredByDay, syncEnteredPeriod, toEnteredPath } from '../content/entered-period';
import { NOTICE_POPULATE } from '../content/populate';
import type { StrapiRecord } from '../content/strapi-record';
import { toSharedNotice } from '../content/to-shared';
import { scheduleProblems } from '../publishing/schedule-rules';
import { relationTarget } from './relation-target';

const NOTICE = 'api::notice.notice';

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
async function candidateAfterWrite(
  strapi: Core.Strapi,
  existing: StrapiRecord | null,
  data: StrapiRecord,
  locale: string,
) {
  const merged: StrapiRecord = { ...(existing ?? {}), ...data, locale };
  merged.institution = await slugOfTarget(
    strapi,
    'api::institution.institution',
    data.institution,
    existing?.institution,
  );
  merged.supersedes = await slugOfTarget(strapi, NOTICE, data.supersedes, existing?.supersedes);
  if (Array.isArray(merged.attachments)) {
    merged.attachments = merged.attachments.map((attachment: StrapiRecord) => ({ ...attachment, file: UPLOADED_FILE }));
  }
  return toSharedNotice(merged, { mediaBaseUrl: 'http://cms.invalid' });
}

function findDraft(strapi: Core.Strapi, documentId: string, locale: string) {
  return strapi.documents(NOTICE).findOne({ documentId, locale, status: 'draft', populate: NOTICE_POPULATE });
}

// Fields Strapi keeps the same in every locale (pluginOptions.i18n.localized: false): the shared
// model's, plus the slug, the CMS's revision counter and the significant-change mark.
const NOT_LOCALIZED = [
  'slug',
  ...SHARED_NOTICE_FIELDS,
  ...ENTERED_PERIOD_FIELDS,
  'revision',
  'significantChange',
  'scheduledPublishAt',
  'scheduledLiftAt',
] as const;

/**
 * The stored draft in this locale or, for a new translation, the shared fields of the version
 * it translates: Strapi fills those in itself, so a translator sends only the texts.
 */
async function storedBase(strapi: Core.Strapi, documentId: string, locale: string) {
  const own = await findDraft(strapi, documentId, locale);
  if (own) return { base: own, newLocale: false };
  const other = await strapi.documents(NOTICE).findMany({
    filters: { documentId },
    locale: '*',
    status: 'draft',
    populate: NOTICE_POPULATE,
    limit: 1,
  });
  const source = other[0];
  return source ? { base: Object.fromEntries(NOT_LOCALIZED.map((key) => [key, source[key]])), newLocale: true } : null;
}

/** A new translation gets the shared fields it did not send, so Strapi's own checks pass too. */
function fillSharedFields(data: StrapiRecord, base: StrapiRecord) {
  for (const key of NOT_LOCALIZED) {
    if (data[key] !== undefined || base[key] === undefined || base[key] === null || key === 'revision') continue;
    const value = base[key] as StrapiRecord;
    data[key] = key === 'institution' ? value.documentId : value;
  }
}

/**
 * Stores channel values the way the shared schema normalises them (E.164 phones with a separate
 * extension, lower-case e-mail), so the editor sees the canonical form after saving.
 */
export function normalizeChannels(data: StrapiRecord, normalized: readonly { value: string; extension?: string }[]) {
  if (!Array.isArray(data.channels)) return;
  data.channels = data.channels.map((channel: StrapiRecord, index: number) => {
    const canonical = normalized[index];
    return canonical ? { ...channel, value: canonical.value, extension: canonical.extension ?? null } : channel;
  });
}

const fieldError = (path: string[], rule: string, params: StrapiRecord = {}): FieldError => ({
  path,
  field: path.at(-1) ?? '',
  location: describePath(path, EDITOR_LANGUAGE),
  message: ruleMessage(rule, EDITOR_LANGUAGE, params) ?? rule,
});

/**
 * What was checked is what is stored: where the schema normalised a text (trimmed it), the
 * normalised text replaces the one sent, field by field and inside components.
 */
export function storeNormalizedText(data: unknown, parsed: unknown): void {
  if (Array.isArray(data) && Array.isArray(parsed)) {
    data.forEach((item, index) => {
      storeNormalizedText(item, parsed[index]);
    });
    return;
  }
  if (typeof data !== 'object' || data === null || typeof parsed !== 'object' || parsed === null) return;
  const target = data as StrapiRecord;
  const source = parsed as StrapiRecord;
  for (const [key, value] of Object.entries(target)) {
    const normalized = source[key];
    if (typeof value === 'string' && typeof normalized === 'string') {
      if (value !== normalized && value.trim() === normalized) target[key] = normalized;
    } else {
      storeNormalizedText(value, normalized);
    }
  }
}

export type WriteMode = 'create' | 'update' | 'clone';

/** A slug no other document uses: the title's, then "-2", "-3"… */
async function freeSlug(strapi: Core.Strapi, base: string, ownDocumentId: string | undefined): Promise<string> {
  for (let attempt = 1; attempt < 100; attempt++) {
    const slug = attempt === 1 ? base : `${base.slice(0, 115)}-${attempt}`;
    if (!(await slugUsedElsewhere(strapi, slug, ownDocumentId))) return slug;
  }
  return `${base.slice(0, 100)}-${Date.now()}`;
}

/**
 * Until a notice is first published its address follows from its title, with no click: when the
 * slug is missing, still Strapi's placeholder ("notice"), or a duplicate's copy of its source's.
 * A slug the editor typed is kept; a published notice's never changes (slug-frozen).
 */
async function addressFromTitle(
  strapi: Core.Strapi,
  data: StrapiRecord,
  existing: StrapiRecord | null,
  mode: WriteMode,
  documentId: string | undefined,
) {
  if (mode === 'update' && Number(existing?.revision ?? 0) > 0) return;
  const title = typeof data.title === 'string' ? data.title : existing?.title;
  if (typeof title !== 'string' || slugFromTitle(title).length < 3) return;
  const slug = typeof data.slug === 'string' && data.slug !== '' ? data.slug : existing?.slug;
  const copiedByDuplicate = mode === 'clone' && (data.slug === undefined || data.slug === existing?.slug);
  if (copiedByDuplicate || typeof slug !== 'string' || slug === '' || isPlaceholderSlug(slug)) {
    data.slug = await freeSlug(strapi, slugFromTitle(title), mode === 'update' ? documentId : undefined);
  }
}

/**
 * Create, update and clone: the whole notice as it will be stored must be valid; its slug is
 * fixed once published; the revision is the system's (a clone starts unpublished, at 0).
 */
export async function checkNoticeWrite(
  strapi: Core.Strapi,
  params: StrapiRecord,
  mode: WriteMode,
  documentId?: string,
) {
  const locale = typeof params.locale === 'string' ? params.locale : DEFAULT_LOCALE;
  const data = (params.data ?? {}) as StrapiRecord;
  params.data = data;
  const stored = documentId ? await storedBase(strapi, documentId, locale) : null;
  const existing = stored?.base ?? null;
  const fieldErrors: FieldError[] = [];
  if (data.revision !== undefined && data.revision !== null) {
    const storedRevision = mode === 'update' ? Number(existing?.revision ?? 0) : 0;
    // The admin form sends the value it showed; anything else is an attempt to write it.
    if (Number(data.revision) !== storedRevision) fieldErrors.push(fieldError(['revision'], 'revision-server-owned'));
  }
  delete data.revision;
  // The record of what was announced is the CMS's own (publishing/publication-history.ts).
  delete data.publications;
  // A duplicate is a new notice: version 0, no history, and none of its source's schedules.
  if (mode === 'clone')
    Object.assign(data, { revision: 0, publications: null, scheduledPublishAt: null, scheduledLiftAt: null });
  if (stored?.newLocale) fillSharedFields(data, stored.base);
  else await addressFromTitle(strapi, data, existing, mode, documentId);
  const byDay = enteredByDay(data);
  syncEnteredPeriod(data, existing);
  const candidate = await candidateAfterWrite(strapi, existing, data, locale);
  const result = validateNoticeInput(candidate);
  if (!result.success) fieldErrors.push(...result.errors);
  else {
    normalizeChannels(data, result.data.channels);
    storeNormalizedText(data, result.data);
  }

  for (const { field, rule } of scheduleProblems(data, mode === 'clone' ? null : existing, new Date())) {
    fieldErrors.push(fieldError([field], rule));
  }

  const published = mode === 'update' && existing && Number(existing.revision ?? 0) > 0;
  if (published && typeof data.slug === 'string' && data.slug !== existing.slug) {
    fieldErrors.push(fieldError(['slug'], 'slug-frozen'));
  }
  return byDay ? fieldErrors.map((error) => ({ ...error, path: toEnteredPath(error.path) })) : fieldErrors;
}

/** The document a notice supersedes, as stored in its draft. */
async function supersededDocument(strapi: Core.Strapi, documentId: string): Promise<string | undefined> {
  const row = await strapi.db
    .query(NOTICE)
    .findOne({ where: { documentId, publishedAt: null }, populate: { supersedes: { select: ['documentId'] } } });
  return (row?.supersedes as { documentId?: string } | null | undefined)?.documentId;
}

/**
 * Does following "supersedes" from `value` (a relation as a write sends it) come back to
 * `documentId`? A notice that supersedes itself, or a cycle, would make every update chain endless.
 */
async function supersedesChainReaches(strapi: Core.Strapi, value: unknown, documentId: string): Promise<boolean> {
  const target = relationTarget(value);
  if (!target) return false;
  let current: string | undefined =
    'documentId' in target
      ? target.documentId
      : ((await strapi.db.query(NOTICE).findOne({ where: { id: target.id }, select: ['documentId'] }))?.documentId as
          | string
          | undefined);
  for (let step = 0; current && step < 100; step++) {
    if (current === documentId) return true;
    current = await supersededDocument(strapi, current);
  }
  return false;
}

/** The locales a document action names: one, a list, or '*' (every locale the document has). */
export async function localesOf(strapi: Core.Strapi, documentId: string, locale: unknown): Promise<string[]> {
  if (typeof locale === 'string' && locale !== '*') return [locale];
  if (Array.isArray(locale)) return locale.filter((item): item is string => typeof item === 'string');
  if (locale === undefined || locale === null) return [DEFAULT_LOCALE];
  const rows = await strapi.db.query(NOTICE).findMany({ where: { documentId, publishedAt: null }, select: ['locale'] });
  return [...new Set(rows.map((row: { locale: string }) => row.locale))];
}

/**
 * The check every write path ends with, inside the write's transaction: each named locale of the
 * document, as now stored, is a valid notice that does not supersede itself. Whatever route the
 * write took (admin clone, bulk publish with a list of locales, REST, a script), an invalid
 * result is rolled back with the field errors.
 */
export async function checkStoredNotice(strapi: Core.Strapi, documentId: string, locales: readonly string[]) {
  const fieldErrors: FieldError[] = [];
  for (const locale of locales) {
    const draft = await findDraft(strapi, documentId, locale);
    if (!draft) continue;
    const result = validateNoticeInput(toSharedNotice(draft, { mediaBaseUrl: 'http://cms.invalid' }));
    const prefix = locales.length > 1 ? `[${locale}] ` : '';
    if (!result.success)
      fieldErrors.push(...result.errors.map((error) => ({ ...error, location: `${prefix}${error.location}` })));
  }
  if (await supersedesChainReaches(strapi, await supersededDocument(strapi, documentId), documentId)) {
    fieldErrors.push(fieldError(['supersedes'], 'supersedes-itself'));
  }
  const own = await strapi.db.query(NOTICE).findOne({ where: { documentId }, select: ['slug'] });
  const slug = typeof own?.slug === 'string' && own.slug !== '' ? own.slug : undefined;
  if (slug && (await slugUsedElsewhere(strapi, slug, documentId)))
    fieldErrors.push(fieldError(['slug'], 'duplicate-slug'));
  if (slug && isPlaceholderSlug(slug)) fieldErrors.push(fieldError(['slug'], 'slug-placeholder'));
  return fieldErrors;
}

/**
 * One address, one notice: does a document other than `ownDocumentId` have this slug? (A clone
 * would otherwise keep its source's, and two notices would share a page.)
 */
async function slugUsedElsewhere(strapi: Core.Strapi, slug: string, ownDocumentId?: string): Promise<boolean> {
  const where = ownDocumentId ? { slug, documentId: { $ne: ownDocumentId } } : { slug };
  return (await strapi.db.query(NOTICE).count({ where })) > 0;
}
