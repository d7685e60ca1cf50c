import type { Core } from '@strapi/strapi';
import { PUBLIC_ACTIONS } from '../bootstrap/public-access';

/**
 * An API token for site builds with exactly the reads a build makes (the published notices,
 * institutions and settings the Public role can read too) and nothing else: Strapi's
 * "read-only" type would also read users, roles and the media library. The access key is
 * returned once and never stored in clear: Strapi keeps only its hash.
 */
export async function createBuildToken(strapi: Core.Strapi, now = new Date()) {
  const name = `tablica-site-build ${now.toISOString().slice(0, 19).replace('T', ' ')}`;
  const token = await strapi.service('admin::api-token').create({
    name,
    type: 'custom',
    permissions: PUBLIC_ACTIONS,
    lifespan: null,
    description: 'Site builds only: reads published notices, institutions and settings (npm run token -w cms)',
  });
  return { name, accessKey: token.accessKey as string };
}
