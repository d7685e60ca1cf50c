import type { Core } from '@strapi/strapi';
import { toStrapiInput } from '../content/from-shared';
import { NOTICE_POPULATE } from '../content/populate';
import type { StrapiRecord } from '../content/strapi-record';
import { toSharedNotice } from '../content/to-shared';

/**
 * What a publication announces. A notice's revision is its announced version: iCalendar SEQUENCE
 * (RFC 5545: raised for a significant revision), CAP Update, "Aktualizacja" in feeds, "Wersja" on
 * the page, and — later — the notifications sent to subscribers. It rises when a version that was
 * public reads differently AND the change is significant (GOV.UK's major change). A correction
 * (a typo) is published silently: the page and feeds show the corrected text, nobody is told.
 * A change of when the notice applies — its period, its lifting, a facility's mode or dates — or
 * of its severity is always significant, whatever the editor ticked.
 *
 * The editor's "Co się zmieniło" (changeNote) goes into the notice's change register (updates[])
 * with the time of publication, in the language it was written in.
 */
const NOTICE = 'api::notice.notice' as const;

type PublicVersion = StrapiRecord | undefined;
export type PublicVersions = Map<string, PublicVersion>;

/** What residents read of a published version, without the CMS's dates and counter. */
function contentOf(entity: StrapiRecord | null): PublicVersion {
  if (!entity) return undefined;
  const {
    createdAt: _c,
    updatedAt: _u,
    publishedAt: _p,
    revision: _r,
    // The history of what was announced is not what residents read now.
    publications: _h,
    ...content
  } = toSharedNotice(entity, { mediaBaseUrl: 'http://cms.invalid' });
  return content;
}

/** The content of each locale's draft or published version (undefined where there is none). */
export async function versionsOf(
  strapi: Core.Strapi,
  documentId: string,
  locales: readonly string[],
  status: 'draft' | 'published',
): Promise<PublicVersions> {
  const versions: PublicVersions = new Map();
  for (const locale of locales) {
    const entity = await strapi.documents(NOTICE).findOne({ documentId, locale, status, populate: NOTICE_POPULATE });
    versions.set(locale, contentOf(entity));
  }
  return versions;
}

/** The published content of each locale (undefined where that locale is not published). */
export const publicVersions = (strapi: Core.Strapi, documentId: string, locales: readonly string[]) =>
  versionsOf(strapi, documentId, locales, 'published');

/** When and how hard the notice applies: a change here is never a mere correction. */
function whenAndHow(content: StrapiRecord) {
  const suspensions = Array.isArray(content.suspensions) ? (content.suspensions as StrapiRecord[]) : [];
  return JSON.stringify([
    content.effectiveFrom,
    content.effectiveUntil,
    content.liftedAt,
    content.timeZone,
    content.severity,
    content.messageStatus,
    suspensions.map(({ mode, hours, from, until, untilFurtherNotice }) => [
      mode,
      hours,
      from,
      until,
      untilFurtherNotice,
    ]),
  ]);
}

const same = (a: PublicVersion, b: PublicVersion) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Is this publication a new announced version? The first publication is; publishing a
 * translation, or publishing again what is already public, is not; a change of a public version
 * is when the editor marked it significant or it changes when or how the notice applies.
 */
export function isNewVersion(before: PublicVersions, after: PublicVersions, markedSignificant: boolean): boolean {
  const wasPublic = [...before.values()].some((content) => content !== undefined);
  if (!wasPublic) return true;
  const changed = [...before].filter(([locale, content]) => content !== undefined && !same(content, after.get(locale)));
  if (changed.length === 0) return false;
  return (
    markedSignificant ||
    changed.some(([locale, content]) => {
      const now = after.get(locale);
      return content !== undefined && now !== undefined && whenAndHow(content) !== whenAndHow(now);
    })
  );
}

/** The editor's mark on the draft; a notice stored before the mark existed counts as significant. */
export async function markedSignificant(strapi: Core.Strapi, documentId: string): Promise<boolean> {
  const rows = await strapi.db
    .query(NOTICE)
    .findMany({ where: { documentId, publishedAt: null }, select: ['significantChange'] });
  return !rows.some((row: { significantChange?: boolean | null }) => row.significantChange === false);
}

/** A new announced version, in every locale of the document. */
export async function bumpRevision(strapi: Core.Strapi, documentId: string) {
  const drafts = await strapi.db
    .query(NOTICE)
    .findMany({ where: { documentId, publishedAt: null }, select: ['revision'] });
  const next = Math.max(0, ...drafts.map((draft: { revision?: number | null }) => Number(draft.revision ?? 0))) + 1;
  await strapi.db.query(NOTICE).updateMany({ where: { documentId }, data: { revision: next } });
}

const noteOf = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
/** The change register as a write sends it back: each entry's date and text, without its row id. */
const registerOf = (value: unknown): { at: string; text: string }[] =>
  (Array.isArray(value) ? (value as StrapiRecord[]) : []).map(({ at, text }) => ({
    at: at instanceof Date ? at.toISOString() : String(at),
    text: String(text),
  }));

/**
 * A write that publishes (REST `?status=published`): its change note, if the locale was public,
 * becomes the newest entry of the change register it stores.
 */
export function noteIntoRegister(data: StrapiRecord, storedUpdates: unknown, wasPublic: boolean, at: Date) {
  const note = noteOf(data.changeNote);
  if (note && wasPublic)
    data.updates = [...registerOf(data.updates ?? storedUpdates), { at: at.toISOString(), text: note }];
  if ('changeNote' in data) data.changeNote = null;
}

/**
 * Before a publish of these locales: each draft's change note, where that locale was public,
 * becomes the newest entry of its change register (the draft is then what gets published).
 */
export async function registerChangeNotes(
  strapi: Core.Strapi,
  documentId: string,
  locales: readonly string[],
  before: PublicVersions,
  at: Date,
) {
  for (const locale of locales) {
    if (before.get(locale) === undefined) continue;
    const draft = await strapi
      .documents(NOTICE)
      .findOne({ documentId, locale, status: 'draft', populate: { updates: true } });
    const note = noteOf(draft?.changeNote);
    if (!draft || !note) continue;
    const updates = [...registerOf(draft.updates), { at: at.toISOString(), text: note }];
    await strapi
      .documents(NOTICE)
      .update({ documentId, locale, data: toStrapiInput<typeof NOTICE>({ updates, changeNote: null }) });
  }
}

/**
 * After a publication: the next change starts as significant again, and the published locales
 * keep no change note (one written for a first publication had nothing to describe). Written on
 * the draft and the published rows alike, so the document does not read as modified.
 */
export async function resetPublicationControls(strapi: Core.Strapi, documentId: string, locales: readonly string[]) {
  // A publication also fulfils any publication that was scheduled.
  await strapi.db
    .query(NOTICE)
    .updateMany({ where: { documentId }, data: { significantChange: true, scheduledPublishAt: null } });
  await strapi.db
    .query(NOTICE)
    .updateMany({ where: { documentId, locale: { $in: [...locales] } }, data: { changeNote: null } });
}
