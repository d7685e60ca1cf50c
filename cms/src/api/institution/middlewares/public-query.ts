import type { Core } from '@strapi/strapi';
import { INSTITUTION_POPULATE } from '../../../content/populate';
import { restrictPublicQuery } from '../../../content/public-query';

/** Public institution reads: own fields only (institution → notices would join draft notices). */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  restrictPublicQuery(strapi, 'api::institution.institution', { populate: INSTITUTION_POPULATE });
