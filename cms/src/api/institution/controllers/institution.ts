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
    const { data, meta } = await super.findOne(ctx);
    return { data: data ? toSharedInstitution(data, { mediaBaseUrl: mediaBaseUrl(strapi) }) : data, meta };
  },
}));
