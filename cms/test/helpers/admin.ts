import { expect } from 'vitest';
import type { RunningStrapi } from './boot-strapi.mts';
import { rest } from './rest.mts';

/** The admin panel's API, signed in as the editor the test booted Strapi with. */
export type AdminCall = (
  method: string,
  path: string,
  body?: unknown,
) => ReturnType<typeof rest<{ data: Record<string, unknown> }>>;

/** Signs in on /admin/login as an editor does; the session token for the admin API. */
export async function adminLogin(cmsUrl: string, credentials: { email: string; password: string }): Promise<string> {
  const login = await rest<{ data: { token: string } }>(cmsUrl, '/admin/login', { method: 'POST', body: credentials });
  expect(login.status, login.text).toBe(200);
  return login.body.data.token;
}

/** A new admin user of a built-in role ('strapi-editor', 'strapi-author'…), signed in. */
export async function adminUserToken(cms: RunningStrapi, code: string, email: string, password: string) {
  const role = await cms.strapi.db.query('admin::role').findOne({ where: { code } });
  await cms.strapi
    .service('admin::user')
    .create({ email, firstname: 'Test', lastname: code, password, isActive: true, roles: [role.id] });
  return adminLogin(cms.url, { email, password });
}

const CM = '/content-manager/collection-types/api::notice.notice';

/** The editor's form: what the edit view shows, with their changes on top, then "Opublikuj". */
export async function editAndPublish(
  admin: AdminCall,
  documentId: string,
  changes: Record<string, unknown>,
  locale = 'pl',
) {
  const shown = await admin('GET', `${CM}/${documentId}?locale=${locale}`);
  expect(shown.status, JSON.stringify(shown.body)).toBe(200);
  const { id: _id, documentId: _d, createdAt: _c, updatedAt: _u, publishedAt: _p, ...form } = shown.body.data;
  const published = await admin('POST', `${CM}/${documentId}/actions/publish?locale=${locale}`, {
    ...form,
    ...changes,
  });
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  return published.body.data;
}
