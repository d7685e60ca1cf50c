import { factories } from '@strapi/strapi';
import { toSharedSiteSettings } from '../../../content/to-shared';

export default factories.createCoreController('api::site-setting.site-setting', () => ({
  async find(ctx) {
    const response = await super.find(ctx);
    if (!response?.data) return response;
    return { ...response, data: toSharedSiteSettings(response.data) };
  },
}));
