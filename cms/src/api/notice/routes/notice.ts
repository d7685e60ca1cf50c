import { factories } from '@strapi/strapi';

const publicQuery = { middlewares: ['api::notice.public-query'] };

export default factories.createCoreRouter('api::notice.notice', {
  config: { find: publicQuery, findOne: publicQuery },
});
