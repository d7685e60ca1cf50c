import type { Core } from '@strapi/strapi';
import { NOTICE_POPULATE } from '../../../content/populate';
import { restrictPublicQuery } from '../../../content/public-query';

/** Public notice reads: published only, the notice populate tree, nothing about admins. */
export default (_config: unknown, _context: { strapi: Core.Strapi }) => restrictPublicQuery(NOTICE_POPULATE);
