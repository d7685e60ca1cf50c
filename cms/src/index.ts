import type { Core } from '@strapi/strapi';
import { ensureAdminUser } from './bootstrap/admin-user';
import { applyEditorLayout } from './bootstrap/editor-layout';
import { ensureEditorialRoles } from './bootstrap/editorial-roles';
import { ensureLocales } from './bootstrap/locales';
import { ensurePublicAccess } from './bootstrap/public-access';
import { ensureRebuildWebhook } from './bootstrap/rebuild-webhook';
import { seedDemoIfEmpty } from './bootstrap/seed-demo';
import { registerValidation } from './validation/document-middleware';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerValidation(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const env = (name: string) => strapi.config.get<string | undefined>(`tablica.${name}`);
    await ensureLocales(strapi);
    await ensurePublicAccess(strapi);
    await applyEditorLayout(strapi);
    await ensureEditorialRoles(strapi);
    await ensureAdminUser(strapi, { email: env('adminEmail'), password: env('adminPassword') });
    await ensureRebuildWebhook(strapi, { url: env('rebuildUrl'), secret: env('rebuildSecret') });
    if (strapi.config.get<boolean>('tablica.seedDemo', true)) await seedDemoIfEmpty(strapi);
  },
};
