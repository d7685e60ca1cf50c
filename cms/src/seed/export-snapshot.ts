import type { Core } from '@strapi/strapi';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION } from '@tablica/shared';
import { mediaBaseUrl } from '../content/media-base-url';
import { INSTITUTION_POPULATE, NOTICE_POPULATE, SITE_SETTINGS_POPULATE } from '../content/populate';
import { toSharedInstitution, toSharedNotice, toSharedSiteSettings } from '../content/to-shared';

type Record_ = Record<string, unknown>;
const PAGE = 500;

async function allPublishedNotices(strapi: Core.Strapi) {
  const notices: Record_[] = [];
  for (let start = 0; ; start += PAGE) {
    const page = (await strapi.documents('api::notice.notice').findMany({
      status: 'published',
      locale: '*',
      populate: NOTICE_POPULATE as never,
      sort: [{ slug: 'asc' }, { locale: 'asc' }] as never,
      start,
      limit: PAGE,
    })) as Record_[];
    notices.push(...page);
    if (page.length < PAGE) return notices;
  }
}

/**
 * The published content as a snapshot (shared/fixtures/README.md): what the site can build from
 * and a backup that `npm run seed -w cms -- <file>` restores. Drafts are never included.
 */
export async function exportSnapshot(strapi: Core.Strapi): Promise<Record_> {
  const options = { mediaBaseUrl: mediaBaseUrl(strapi) };
  const [settings, institutions, notices] = await Promise.all([
    strapi.documents('api::site-setting.site-setting').findFirst({ populate: SITE_SETTINGS_POPULATE as never }),
    strapi
      .documents('api::institution.institution')
      .findMany({ populate: INSTITUTION_POPULATE as never, sort: [{ slug: 'asc' }] as never }),
    allPublishedNotices(strapi),
  ]);
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    exportedAt: new Date().toISOString(),
    siteSettings: settings ? toSharedSiteSettings(settings as Record_) : null,
    institutions: (institutions as Record_[]).map((institution) => toSharedInstitution(institution, options)),
    notices: notices.map((notice) => toSharedNotice(notice, options)),
  };
}
