import type { Core } from '@strapi/strapi';

/**
 * A read-only API token for site builds (it can read, never write). The access key is returned
 * once and never stored in clear: Strapi keeps only its hash.
 */
export async function createBuildToken(strapi: Core.Strapi, now = new Date()) {
  const name = `tablica-site-build ${now.toISOString().slice(0, 19).replace('T', ' ')}`;
  const token = await strapi.service('admin::api-token').create({
    name,
    type: 'read-only',
    lifespan: null,
    description: 'Read-only token for building the Tablica site (npm run token -w cms)',
  });
  return { name, accessKey: token.accessKey as string };
}
