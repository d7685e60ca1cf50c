import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  DEFAULT_LOCALE,
  EDITOR_LANGUAGE,
  endInstant,
  enteredTime,
  extensionNote,
  formatUntil,
  isLocalDate,
  isLocale,
  type Locale,
  liftNote,
  ruleMessage,
} from '@tablica/shared';
import { enteredFields } from '../content/entered-period';
import { toStrapiInput } from '../content/from-shared';
import type { StrapiRecord } from '../content/strapi-record';
import { localesOf } from '../validation/notice-rules';
import { type PublicVersions, publicVersions, versionsOf } from './versions';

/**
 * The two actions an emergency needs, one step each (docs/editors.md, "Przedłuż i odwołaj"):
 * - Przedłuż: a new last day (and optional time) for the same notice, published at once;
 * - Odwołaj: the notice ends now (liftedAt), published at once.
 * Each is an update of the same notice, not a new superseding one: residents, feeds and embeds
 * keep one address; it is a significant change (revision +1: feeds' "Aktualizacja", CAP Update
 * referencing the earlier versions, iCalendar SEQUENCE+1 with the new end or CANCELLED), and the
 * change register gets an entry in every published language, the editor's own words added to the
 * Polish one. Refused, with the reason, when the notice is not public, has unpublished edits
 * (they would go out with it unseen), is already lifted or over, or the new end is not later.
 */
const NOTICE = 'api::notice.notice' as const;
/** The register entry holds 500 characters; the automatic sentence takes the rest. */
export const NOTE_MAX = 400;

export interface ExtendRequest {
  /** The new last day, inclusive ("2026-04-10"), or null: until further notice. */
  untilDate: string | null;
  /** "16:00" when it ends during that day. */
  untilTime?: string | null | undefined;
  note?: string | undefined;
}

export interface ActionResult {
  revision: number;
  /** The period's end as residents now read it, in the editor's language. */
  until: string;
}

function refuse(rule: string, params: StrapiRecord = {}): never {
  throw new errors.ApplicationError(ruleMessage(rule, EDITOR_LANGUAGE, params) ?? rule);
}

interface PublicNotice {
  locales: string[];
  timeZone: string;
  effectiveUntil: Date | undefined;
  liftedAt: Date | undefined;
}

const instant = (value: unknown) => (typeof value === 'string' ? new Date(value) : undefined);

/** The notice as residents see it now; refused when it is not public or has unpublished edits. */
async function publicNotice(strapi: Core.Strapi, documentId: string): Promise<PublicNotice> {
  const all = await localesOf(strapi, documentId, '*');
  const published: PublicVersions = await publicVersions(strapi, documentId, all);
  const locales = all.filter((locale) => published.get(locale) !== undefined);
  const first = published.get(locales[0] ?? '');
  if (!first) refuse('action-not-published');
  const drafts = await versionsOf(strapi, documentId, locales, 'draft');
  const edited = locales.filter(
    (locale) => JSON.stringify(drafts.get(locale)) !== JSON.stringify(published.get(locale)),
  );
  if (edited.length > 0) refuse('action-unpublished-changes', { locales: edited.join(', ') });
  return {
    locales,
    timeZone: String(first.timeZone),
    effectiveUntil: instant(first.effectiveUntil),
    liftedAt: instant(first.liftedAt),
  };
}

const noteText = (note: string | undefined) => {
  const text = (note ?? '').trim();
  if (text.length > NOTE_MAX) refuse('action-note-too-long', { max: NOTE_MAX });
  return text;
};

/**
 * Writes the change (shared fields once: Strapi copies them to every language), a change note in
 * every published language, then publishes those languages together: one new version.
 */
async function publishChange(
  strapi: Core.Strapi,
  documentId: string,
  notice: PublicNotice,
  change: StrapiRecord,
  noteFor: (locale: Locale) => string,
): Promise<number> {
  const documents = strapi.documents(NOTICE);
  const [first, ...others] = notice.locales;
  const localeOf = (locale: string): Locale => (isLocale(locale) ? locale : DEFAULT_LOCALE);
  await documents.update({
    documentId,
    locale: first,
    data: toStrapiInput<typeof NOTICE>({
      ...change,
      significantChange: true,
      changeNote: noteFor(localeOf(first ?? '')),
    }),
  });
  for (const locale of others) {
    await documents.update({
      documentId,
      locale,
      data: toStrapiInput<typeof NOTICE>({ changeNote: noteFor(localeOf(locale)) }),
    });
  }
  await documents.publish({ documentId, locale: notice.locales });
  const row = await strapi.db.query(NOTICE).findOne({ where: { documentId }, select: ['revision'] });
  return Number(row?.revision ?? 0);
}

/** The entered end (day and time, as the form shows them) of a new end; none: until further notice. */
function untilFields(end: Date | undefined, timeZone: string) {
  const { effectiveUntilDate, effectiveUntilTime } = enteredFields(undefined, end, timeZone);
  return { effectiveUntilDate, effectiveUntilTime };
}

const withEditorNote = (automatic: string, locale: Locale, note: string) =>
  note && locale === EDITOR_LANGUAGE ? `${automatic} ${note}` : automatic;

export async function extendNotice(
  strapi: Core.Strapi,
  documentId: string,
  request: ExtendRequest,
): Promise<ActionResult> {
  const note = noteText(request.note);
  const untilTime = request.untilTime ? enteredTime(request.untilTime) : undefined;
  if ((request.untilDate !== null && !isLocalDate(request.untilDate)) || (request.untilTime && !untilTime))
    refuse('extend-date-format');
  return strapi.db.transaction(async () => {
    const notice = await publicNotice(strapi, documentId);
    if (notice.liftedAt) refuse('action-already-lifted');
    if (!notice.effectiveUntil) refuse('extend-open-ended');
    const { timeZone } = notice;
    const end = request.untilDate ? endInstant({ date: request.untilDate, time: untilTime }, timeZone) : undefined;
    const say = (until: Date | undefined) => formatUntil(until, timeZone, EDITOR_LANGUAGE);
    if (end && end <= notice.effectiveUntil)
      refuse('extend-not-later', { requested: say(end), current: say(notice.effectiveUntil) });
    const revision = await publishChange(strapi, documentId, notice, untilFields(end, timeZone), (locale) =>
      withEditorNote(extensionNote(end, timeZone, locale), locale, note),
    );
    return { revision, until: say(end) };
  });
}

export async function liftNotice(
  strapi: Core.Strapi,
  documentId: string,
  request: { note?: string | undefined },
  now = new Date(),
): Promise<ActionResult> {
  const note = noteText(request.note);
  return strapi.db.transaction(async () => {
    const notice = await publicNotice(strapi, documentId);
    if (notice.liftedAt) refuse('action-already-lifted');
    const end = notice.effectiveUntil;
    if (end && end <= now)
      refuse('action-already-ended', { until: formatUntil(end, notice.timeZone, EDITOR_LANGUAGE) });
    const revision = await publishChange(strapi, documentId, notice, { liftedAt: now.toISOString() }, (locale) =>
      withEditorNote(liftNote(locale), locale, note),
    );
    return { revision, until: formatUntil(now, notice.timeZone, EDITOR_LANGUAGE) };
  });
}
