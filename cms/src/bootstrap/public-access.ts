import type { Core } from '@strapi/strapi';

/** Everything the Public role may do: read published notices, institutions and settings. */
export const PUBLIC_ACTIONS = [
  'api::notice.notice.find',
  'api::notice.notice.findOne',
  'api::notice.notice.versions',
  'api::institution.institution.find',
  'api::institution.institution.findOne',
  'api::site-setting.site-setting.find',
];

/**
 * Idempotent: grants exactly PUBLIC_ACTIONS to the Public role and removes anything else
 * (including the users-permissions sign-up routes), and turns public registration off.
 */
export async function ensurePublicAccess(strapi: Core.Strapi) {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!role) throw new Error('Tablica: the users-permissions Public role is missing');
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const granted: { id: number; action: string }[] = await permissions.findMany({ where: { role: role.id } });
  for (const permission of granted) {
    if (!PUBLIC_ACTIONS.includes(permission.action)) await permissions.delete({ where: { id: permission.id } });
  }
  for (const action of PUBLIC_ACTIONS) {
    if (!granted.some((permission) => permission.action === action))
      await permissions.create({ data: { action, role: role.id } });
  }

  const store = strapi.store({ type: 'plugin', name: 'users-permissions', key: 'advanced' });
  const advanced = ((await store.get()) ?? {}) as Record<string, unknown>;
  if (advanced.allow_register !== false) await store.set({ value: { ...advanced, allow_register: false } });
}
