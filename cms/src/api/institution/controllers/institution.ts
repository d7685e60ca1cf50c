import { factories } from '@strapi/strapi';
import { mediaBaseUrl } from '../../../content/media-base-url';
import { toSharedInstitution } from '../../../content/to-shared';

export default factories.createCoreController('api::institution.institution', ({ strapi }) => ({
  async find(ctx) {
    const { data, meta } = await super.find(ctx);
    const options = { mediaBaseUrl: mediaBaseUrl(strapi) };
    return { data: data.map((entity: Record<string, unknown>) => toSharedInstitution(entity, options)), meta };
  },
  async findOne(ctx) {
    // The core answers a missing (or draft-only) document with a 404 and no body.
    const response = await super.findOne(ctx);
    if (!response?.data) return response;
    return { ...response, data: toSharedInstitution(response.data, { mediaBaseUrl: mediaBaseUrl(strapi) }) };
  },
}));
