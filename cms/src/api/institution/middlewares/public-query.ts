import type { Core } from '@strapi/strapi';
import { INSTITUTION_POPULATE } from '../../../content/populate';
import { restrictPublicQuery } from '../../../content/public-query';

export default (_config: unknown, _context: { strapi: Core.Strapi }) => restrictPublicQuery(INSTITUTION_POPULATE);
