import { factories } from '@strapi/strapi';

const publicQuery = { middlewares: ['api::institution.public-query'] };

export default factories.createCoreRouter('api::institution.institution', {
  config: { find: publicQuery, findOne: publicQuery },
});
