import type { Core } from '@strapi/strapi';
import { NOTICE_POPULATE } from '../../../content/populate';
import { restrictPublicQuery } from '../../../content/public-query';

/** Public notice reads: published only, the notice populate tree, filters on the notice and its institution. */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  restrictPublicQuery(strapi, 'api::notice.notice', {
    populate: NOTICE_POPULATE,
    filterableRelations: { institution: 'api::institution.institution' },
  });
