import { factories } from '@strapi/strapi';
import { mediaBaseUrl } from '../../../content/media-base-url';
import { listNoticeVersions } from '../../../content/notice-versions';
import { toSharedNotice } from '../../../content/to-shared';

/**
 * Reads answer in the shared notice shape (the snapshot format), so the site parses them as is.
 *
 * `find` skips the core's generic output sanitiser on purpose: it walks every entity against
 * permissions and cost ~70% of a page of 100 notices (see cms/bench). It adds nothing here, as
 * the populate tree is fixed by the public-query route middleware and toSharedNotice emits only
 * the fields of the shared schema (relations reduced to slugs, media to URL/type/size). Query
 * validation and sanitisation still run, so drafts and admin fields stay out of reach.
 */
export default factories.createCoreController('api::notice.notice', ({ strapi }) => ({
  async find(ctx) {
    // The core controller provides both; its type marks them optional. Never read unchecked.
    if (!this.validateQuery || !this.sanitizeQuery) throw new Error('Tablica: query validation is unavailable');
    await this.validateQuery(ctx);
    const query = await this.sanitizeQuery(ctx);
    const { results, pagination } = await strapi.service('api::notice.notice').find(query);
    const options = { mediaBaseUrl: mediaBaseUrl(strapi) };
    return {
      data: results.map((entity: Record<string, unknown>) => toSharedNotice(entity, options)),
      meta: { pagination },
    };
  },
  /** GET /api/notice-versions: what a site build needs to read only the notices that changed. */
  async versions(ctx) {
    ctx.body = await listNoticeVersions(strapi);
  },
  async findOne(ctx) {
    // The core answers a missing (or draft-only) document with a 404 and no body.
    const response = await super.findOne(ctx);
    if (!response?.data) return response;
    return { ...response, data: toSharedNotice(response.data, { mediaBaseUrl: mediaBaseUrl(strapi) }) };
  },
}));
