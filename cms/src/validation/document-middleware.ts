import type { Core } from '@strapi/strapi';
import {
  DEFAULT_LOCALE,
  EDITOR_LANGUAGE,
  type FieldError,
  ruleMessage,
  validateInstitution,
  validateSiteSettings,
} from '@tablica/shared';
import { INSTITUTION_POPULATE, SITE_SETTINGS_POPULATE } from '../content/populate';
import type { StrapiRecord } from '../content/strapi-record';
import { toSharedInstitution, toSharedSiteSettings } from '../content/to-shared';
import { refreshPhases } from '../publishing/phase';
import { recordPublications } from '../publishing/publication-history';
import {
  bumpRevision,
  isNewVersion,
  markedSignificant,
  noteIntoRegister,
  type PublicVersions,
  publicVersions,
  registerChangeNotes,
  resetPublicationControls,
} from '../publishing/versions';
import { throwFieldErrors } from './field-errors';
import {
  checkNoticeWrite,
  checkStoredNotice,
  localesOf,
  normalizeChannels,
  storeNormalizedText,
  type WriteMode,
} from './notice-rules';

const WRITES = new Set(['create', 'update']);
/** Actions after which the stored notice is checked again, inside the action's transaction. */
const CHECKED_AFTER = new Set(['create', 'update', 'clone', 'publish']);

function failIfAny(fieldErrors: readonly FieldError[]) {
  if (fieldErrors.length > 0) throwFieldErrors(fieldErrors);
}

async function checkInstitution(strapi: Core.Strapi, params: StrapiRecord) {
  const documentId = typeof params.documentId === 'string' ? params.documentId : undefined;
  const existing = documentId
    ? await strapi.documents('api::institution.institution').findOne({ documentId, populate: INSTITUTION_POPULATE })
    : null;
  const data = (params.data ?? {}) as StrapiRecord;
  // An uploaded logo is the CMS's own file: only its presence matters here.
  const merged = { ...(existing ?? {}), ...data, ...(data.logo ? { logo: { url: '/uploads/pending' } } : {}) };
  const result = validateInstitution(toSharedInstitution(merged, { mediaBaseUrl: 'http://cms.invalid' }));
  if (result.success) {
    normalizeChannels(data, result.data.channels);
    storeNormalizedText(data, result.data);
  }
  return result.success ? [] : result.errors;
}

/** An institution that notices (drafts too) name as their publisher cannot be deleted. */
async function checkInstitutionDelete(strapi: Core.Strapi, documentId: string | undefined) {
  if (!documentId) return [];
  const count = await strapi.db.query('api::notice.notice').count({ where: { institution: { documentId } } });
  if (count === 0) return [];
  return [
    {
      path: [],
      field: '',
      location: 'Instytucja',
      message: ruleMessage('institution-in-use', EDITOR_LANGUAGE, { count }) ?? 'institution-in-use',
    },
  ];
}

async function checkSiteSettings(strapi: Core.Strapi, params: StrapiRecord) {
  const existing = await strapi
    .documents('api::site-setting.site-setting')
    .findFirst({ populate: SITE_SETTINGS_POPULATE });
  const data = (params.data ?? {}) as StrapiRecord;
  const result = validateSiteSettings(toSharedSiteSettings({ ...(existing ?? {}), ...data }));
  if (result.success) storeNormalizedText(data, result.data);
  return result.success ? [] : result.errors;
}

/**
 * A notice action: checks before the write where the input can be judged (create, update, clone),
 * the write itself, then the stored result checked again in the same transaction, so that no
 * path — whatever it is called with — leaves an invalid notice behind. A write that publishes
 * also settles what it announces (publishing/versions.ts): the change note into the register,
 * the revision when the change is a new version.
 */
async function noticeAction<T>(
  strapi: Core.Strapi,
  action: string,
  params: StrapiRecord,
  next: () => Promise<T>,
): Promise<T> {
  const documentId = typeof params.documentId === 'string' ? params.documentId : undefined;
  if (action === 'create' || action === 'update' || action === 'clone') {
    failIfAny(await checkNoticeWrite(strapi, params, action as WriteMode, documentId));
  }
  const publishing = action === 'publish' || (WRITES.has(action) && params.status === 'published');
  // What was public before, in every locale the document has: the revision rises only if it changes.
  const allLocales = documentId && publishing ? await localesOf(strapi, documentId, '*') : [];
  const before: PublicVersions =
    documentId && publishing ? await publicVersions(strapi, documentId, allLocales) : new Map();
  if (publishing) await changeNotesIntoRegister(strapi, action, params, documentId, before);
  const result = await next();
  const resultId = (result as { documentId?: string } | null)?.documentId;
  // A clone is a new document; everything else acts on the one named.
  const savedId = action === 'clone' ? resultId : (documentId ?? resultId);
  // The list's "Stan" follows every write (publish, unpublish, discard, a new schedule…).
  if (savedId) await refreshPhases(strapi, new Date(), [savedId]);
  if (!savedId || !CHECKED_AFTER.has(action)) return result;
  const locales =
    action === 'clone' ? await localesOf(strapi, savedId, '*') : await localesOf(strapi, savedId, params.locale);
  failIfAny(await checkStoredNotice(strapi, savedId, locales));
  if (publishing) {
    const after = await publicVersions(strapi, savedId, allLocales);
    if (isNewVersion(before, after, await markedSignificant(strapi, savedId))) await bumpRevision(strapi, savedId);
    await resetPublicationControls(strapi, savedId, locales);
    await recordPublications(strapi, savedId, await localesOf(strapi, savedId, '*'), new Date());
  }
  return result;
}

/** Before a publication: each published locale's change note becomes an entry of its register. */
async function changeNotesIntoRegister(
  strapi: Core.Strapi,
  action: string,
  params: StrapiRecord,
  documentId: string | undefined,
  before: PublicVersions,
) {
  const now = new Date();
  if (action === 'publish' && documentId) {
    await registerChangeNotes(strapi, documentId, await localesOf(strapi, documentId, params.locale), before, now);
    return;
  }
  // A write that publishes at once (REST ?status=published): the note travels in its data.
  const locale = typeof params.locale === 'string' ? params.locale : DEFAULT_LOCALE;
  const data = (params.data ?? {}) as StrapiRecord;
  const draft =
    documentId && data.changeNote
      ? await strapi.documents('api::notice.notice').findOne({ documentId, locale, populate: { updates: true } })
      : null;
  noteIntoRegister(data, draft?.updates, before.get(locale) !== undefined, now);
}

/**
 * One source of truth: every create, update and publish of our content goes through the
 * @tablica/shared schemas, whether it comes from the admin panel, REST or a script.
 */
export function registerValidation(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    const params = context.params as StrapiRecord;
    const documentId = typeof params.documentId === 'string' ? params.documentId : undefined;

    switch (context.uid) {
      case 'api::notice.notice':
        if (context.action.startsWith('find') || context.action === 'count') return next();
        // One transaction around the action and its checks: a refused result is rolled back whole.
        return strapi.db.transaction(() =>
          noticeAction(strapi, context.action, params, next as () => Promise<Awaited<ReturnType<typeof next>>>),
        );
      case 'api::institution.institution':
        if (WRITES.has(context.action) || context.action === 'clone') failIfAny(await checkInstitution(strapi, params));
        if (context.action === 'delete') failIfAny(await checkInstitutionDelete(strapi, documentId));
        return next();
      case 'api::site-setting.site-setting':
        if (WRITES.has(context.action)) failIfAny(await checkSiteSettings(strapi, params));
        return next();
      default:
        return next();
    }
  });
}
