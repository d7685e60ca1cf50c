import { factories } from '@strapi/strapi';
import { mediaBaseUrl } from '../../../content/media-base-url';
import { toSharedNotice } from '../../../content/to-shared';

/** Reads answer in the shared notice shape (the snapshot format), so the site parses them as is. */
export default factories.createCoreController('api::notice.notice', ({ strapi }) => ({
  async find(ctx) {
    const { data, meta } = await super.find(ctx);
    const options = { mediaBaseUrl: mediaBaseUrl(strapi) };
    return { data: data.map((entity: Record<string, unknown>) => toSharedNotice(entity, options)), meta };
  },
  async findOne(ctx) {
    // The core answers a missing (or draft-only) document with a 404 and no body.
    const response = await super.findOne(ctx);
    if (!response?.data) return response;
    return { ...response, data: toSharedNotice(response.data, { mediaBaseUrl: mediaBaseUrl(strapi) }) };
  },
}));
