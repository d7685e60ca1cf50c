import type { Core } from '@strapi/strapi';

/** Log level from STRAPI_LOG_LEVEL (tests run with `error`: noise is a bug). */
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  level: env('STRAPI_LOG_LEVEL', 'http'),
});
