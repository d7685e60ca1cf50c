import type { Core } from '@strapi/strapi';
import { SITE_SETTINGS_POPULATE } from '../../../content/populate';
import { restrictPublicQuery } from '../../../content/public-query';

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  restrictPublicQuery(strapi, 'api::site-setting.site-setting', { populate: SITE_SETTINGS_POPULATE });
