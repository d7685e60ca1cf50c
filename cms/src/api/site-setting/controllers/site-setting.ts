import { factories } from '@strapi/strapi';
import { toSharedSiteSettings } from '../../../content/to-shared';

export default factories.createCoreController('api::site-setting.site-setting', () => ({
  async find(ctx) {
    const { data, meta } = await super.find(ctx);
    return { data: data ? toSharedSiteSettings(data) : data, meta };
  },
}));
