import type { Core } from '@strapi/strapi';
import { type FieldError, validateInstitution, validateSiteSettings } from '@tablica/shared';
import { INSTITUTION_POPULATE, SITE_SETTINGS_POPULATE } from '../content/populate';
import { toSharedInstitution, toSharedSiteSettings } from '../content/to-shared';
import { throwFieldErrors } from './field-errors';
import { bumpRevision, checkNoticePublish, checkNoticeWrite, normalizeChannels } from './notice-rules';

type Record_ = Record<string, unknown>;
const WRITES = new Set(['create', 'update']);

function failIfAny(fieldErrors: readonly FieldError[]) {
  if (fieldErrors.length > 0) throwFieldErrors(fieldErrors);
}

async function checkInstitution(strapi: Core.Strapi, params: Record_) {
  const documentId = typeof params.documentId === 'string' ? params.documentId : undefined;
  const existing = documentId
    ? ((await strapi
        .documents('api::institution.institution')
        .findOne({ documentId, populate: INSTITUTION_POPULATE as never })) as Record_ | null)
    : null;
  const data = (params.data ?? {}) as Record_;
  // An uploaded logo is the CMS's own file: only its presence matters here.
  const merged = { ...(existing ?? {}), ...data, ...(data.logo ? { logo: { url: '/uploads/pending' } } : {}) };
  const result = validateInstitution(toSharedInstitution(merged, { mediaBaseUrl: 'http://cms.invalid' }));
  if (result.success) normalizeChannels(data, result.data.channels);
  return result.success ? [] : result.errors;
}

async function checkSiteSettings(strapi: Core.Strapi, params: Record_) {
  const existing = (await strapi
    .documents('api::site-setting.site-setting')
    .findFirst({ populate: SITE_SETTINGS_POPULATE as never })) as Record_ | null;
  const result = validateSiteSettings(
    toSharedSiteSettings({ ...(existing ?? {}), ...((params.data ?? {}) as Record_) }),
  );
  return result.success ? [] : result.errors;
}

/**
 * One source of truth: every create, update and publish of our content goes through the
 * @tablica/shared schemas, whether it comes from the admin panel, REST or a script.
 */
export function registerValidation(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    const params = context.params as Record_;
    const documentId = typeof params.documentId === 'string' ? params.documentId : undefined;

    switch (context.uid) {
      case 'api::notice.notice': {
        const locale = typeof params.locale === 'string' ? params.locale : 'pl';
        if (WRITES.has(context.action)) {
          failIfAny(await checkNoticeWrite(strapi, params, context.action === 'update' ? documentId : undefined));
        }
        if (context.action === 'publish' && documentId) failIfAny(await checkNoticePublish(strapi, documentId, locale));
        const result = await next();
        const published = context.action === 'publish' || (WRITES.has(context.action) && params.status === 'published');
        const savedId = documentId ?? (result as { documentId?: string } | null)?.documentId;
        if (published && savedId) await bumpRevision(strapi, savedId);
        return result;
      }
      case 'api::institution.institution':
        if (WRITES.has(context.action)) failIfAny(await checkInstitution(strapi, params));
        return next();
      case 'api::site-setting.site-setting':
        if (WRITES.has(context.action)) failIfAny(await checkSiteSettings(strapi, params));
        return next();
      default:
        return next();
    }
  });
}
