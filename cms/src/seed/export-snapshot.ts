import type { Core } from '@strapi/strapi';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION } from '@tablica/shared';
import { mediaBaseUrl } from '../content/media-base-url';
import { INSTITUTION_POPULATE, NOTICE_POPULATE, SITE_SETTINGS_POPULATE } from '../content/populate';
import type { StrapiRecord } from '../content/strapi-record';
import { toSharedInstitution, toSharedNotice, toSharedSiteSettings } from '../content/to-shared';

const PAGE = 500;

async function allPublishedNotices(strapi: Core.Strapi) {
  const notices: StrapiRecord[] = [];
  for (let start = 0; ; start += PAGE) {
    const page = await strapi.documents('api::notice.notice').findMany({
      status: 'published',
      locale: '*',
      populate: NOTICE_POPULATE,
      sort: [{ slug: 'asc' }, { locale: 'asc' }],
      start,
      limit: PAGE,
    });
    notices.push(...page);
    if (page.length < PAGE) return notices;
  }
}

/**
 * The published content as a snapshot (shared/fixtures/README.md): what the site can build from
 * and a backup that `npm run seed -w cms -- <file>` restores. Drafts are never included.
 */
export async function exportSnapshot(strapi: Core.Strapi): Promise<StrapiRecord> {
  const options = { mediaBaseUrl: mediaBaseUrl(strapi) };
  const [settings, institutions, notices] = await Promise.all([
    strapi.documents('api::site-setting.site-setting').findFirst({ populate: SITE_SETTINGS_POPULATE }),
    strapi
      .documents('api::institution.institution')
      .findMany({ populate: INSTITUTION_POPULATE, sort: [{ slug: 'asc' }] }),
    allPublishedNotices(strapi),
  ]);
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    exportedAt: new Date().toISOString(),
    siteSettings: settings ? toSharedSiteSettings(settings) : null,
    institutions: institutions.map((institution) => toSharedInstitution(institution, options)),
    notices: notices.map((notice) => toSharedNotice(notice, options)),
  };
}
