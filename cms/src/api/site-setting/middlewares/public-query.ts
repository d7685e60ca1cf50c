import type { Core } from '@strapi/strapi';
import { SITE_SETTINGS_POPULATE } from '../../../content/populate';
import { restrictPublicQuery } from '../../../content/public-query';

export default (_config: unknown, _context: { strapi: Core.Strapi }) => restrictPublicQuery(SITE_SETTINGS_POPULATE);
