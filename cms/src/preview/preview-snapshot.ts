import type { Core } from '@strapi/strapi';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION } from '@tablica/shared';
import { mediaBaseUrl } from '../content/media-base-url';
import { INSTITUTION_POPULATE, NOTICE_POPULATE, SITE_SETTINGS_POPULATE } from '../content/populate';
import type { StrapiRecord } from '../content/strapi-record';
import { toSharedInstitution, toSharedNotice, toSharedSiteSettings } from '../content/to-shared';

/**
 * What a draft preview is built from: a snapshot (the format the site builds from) holding only
 * this notice as its drafts read now, in every language it has, with its institution and the
 * site settings. The draft is dated and numbered as it would be if published now, so the site's
 * views show it as residents would read it.
 */
export async function previewSnapshot(strapi: Core.Strapi, documentId: string) {
  const options = { mediaBaseUrl: mediaBaseUrl(strapi) };
  const drafts = await strapi.documents('api::notice.notice').findMany({
    filters: { documentId },
    status: 'draft',
    locale: '*',
    populate: NOTICE_POPULATE,
  });
  if (drafts.length === 0) return undefined;
  const institutionId = (drafts[0]?.institution as StrapiRecord | null | undefined)?.documentId;
  const [settings, institution] = await Promise.all([
    strapi.documents('api::site-setting.site-setting').findFirst({ populate: SITE_SETTINGS_POPULATE }),
    typeof institutionId === 'string'
      ? strapi
          .documents('api::institution.institution')
          .findOne({ documentId: institutionId, populate: INSTITUTION_POPULATE })
      : null,
  ]);
  const now = new Date().toISOString();
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    exportedAt: now,
    siteSettings: settings ? toSharedSiteSettings(settings) : null,
    institutions: institution ? [toSharedInstitution(institution, options)] : [],
    notices: drafts.map((draft) => ({
      ...toSharedNotice(draft, options),
      revision: Math.max(1, Number(draft.revision ?? 0)),
      publishedAt: now,
    })),
  };
}
