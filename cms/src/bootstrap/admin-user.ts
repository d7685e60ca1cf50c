import type { Core } from '@strapi/strapi';
import { EDITOR_LANGUAGE } from '@tablica/shared';

/**
 * The first administrator comes from ADMIN_EMAIL/ADMIN_PASSWORD when both are set; otherwise the
 * start output says where to register one. There is no default password anywhere.
 */
export async function ensureAdminUser(strapi: Core.Strapi, env: { email?: string; password?: string }) {
  const users = strapi.service('admin::user');
  if (await users.exists()) return;
  if (!env.email || !env.password) {
    const url = strapi.config.get<string>('admin.url', '/admin');
    strapi.log.info(
      `Tablica: no administrator yet. Open ${url} in the CMS to register the first one (or set ADMIN_EMAIL and ADMIN_PASSWORD).`,
    );
    return;
  }
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await users.create({
    email: env.email,
    firstname: 'Redakcja',
    lastname: 'Tablicy',
    password: env.password,
    isActive: true,
    roles: superAdmin ? [superAdmin.id] : [],
    preferedLanguage: EDITOR_LANGUAGE,
  });
  strapi.log.info(`Tablica: created the administrator ${env.email}.`);
}
