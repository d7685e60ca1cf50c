import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  rest: {
    defaultLimit: 25,
    // Page size is capped: a public API must not serve the whole database in one request.
    maxLimit: 100,
    withCount: true,
    // Unknown query parameters are refused instead of silently ignored.
    strictParams: env.bool('REST_STRICT_PARAMS', true),
  },
});
