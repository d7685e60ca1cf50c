import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::newsroom-webhook.newsroom-webhook');
