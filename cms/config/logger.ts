import type { Core } from '@strapi/strapi';

/**
 * Log level from STRAPI_LOG_LEVEL. Quiet by default (`warn`): a line per request (`http`) buried
 * `npm start`'s summary under thousands of lines; set `http` or `info` to see requests or start-up.
 * Tests run with `error`: noise is a bug.
 */
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  level: env('STRAPI_LOG_LEVEL', 'warn'),
});
