import type { Core } from '@strapi/strapi';
import { ensureAdminUser } from './bootstrap/admin-user';
import { applyEditorLayout } from './bootstrap/editor-layout';
import { ensureEditorialRoles } from './bootstrap/editorial-roles';
import { ensureLocales } from './bootstrap/locales';
import { ensurePublicAccess } from './bootstrap/public-access';
import { removeLegacyRebuildWebhook } from './bootstrap/rebuild-webhook';
import { seedDemoIfEmpty } from './bootstrap/seed-demo';
import { backfillEnteredPeriods } from './content/entered-period';
import { startWebhookSender } from './newsroom-webhooks/deliveries';
import { registerLiveVersionsRoute } from './newsroom-webhooks/live-versions-route';
import { registerWebhookRules } from './newsroom-webhooks/registration-rules';
import { registerPreviewRoute } from './preview/preview-route';
import { registerNoticeActionRoutes } from './publishing/notice-action-routes';
import { registerPublishedProblemsRoute } from './publishing/published-problems';
import { startScheduler } from './publishing/scheduler';
import { startRebuildNotifier } from './rebuild/rebuild-notifier';
import { registerValidation } from './validation/document-middleware';

let stopNotifier: (() => void) | undefined;
let stopScheduler: (() => Promise<unknown>) | undefined;
let webhookSender: ReturnType<typeof startWebhookSender> | undefined;

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerValidation(strapi);
    registerWebhookRules(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const env = (name: string) => strapi.config.get<string | undefined>(`tablica.${name}`);
    registerPublishedProblemsRoute(strapi);
    registerNoticeActionRoutes(strapi);
    registerPreviewRoute(strapi);
    registerLiveVersionsRoute(strapi, env('rebuildSecret') || undefined, () => webhookSender?.poke());
    await ensureLocales(strapi);
    await ensurePublicAccess(strapi);
    await backfillEnteredPeriods(strapi);
    await applyEditorLayout(strapi);
    await ensureEditorialRoles(strapi);
    await ensureAdminUser(strapi, { email: env('adminEmail'), password: env('adminPassword') });
    await removeLegacyRebuildWebhook(strapi);
    const [url, secret] = [env('rebuildUrl'), env('rebuildSecret')];
    if (url && secret) {
      stopNotifier = startRebuildNotifier(strapi, {
        url,
        secret,
        log: (message) => strapi.log.warn(`Tablica: ${message}`),
      });
    } else if (url) {
      strapi.log.warn('Tablica: SITE_REBUILD_URL is set without SITE_REBUILD_SECRET; no rebuild requests are sent.');
    }
    if (strapi.config.get<boolean>('tablica.seedDemo', true)) await seedDemoIfEmpty(strapi);
    stopScheduler = startScheduler(strapi, strapi.config.get<number>('tablica.schedulerIntervalSeconds', 30));
    webhookSender = startWebhookSender(strapi, {
      intervalSeconds: strapi.config.get<number>('tablica.webhookIntervalSeconds', 5),
      allowPrivate: strapi.config.get<boolean>('tablica.webhookAllowPrivate', false),
    });
  },

  // Strapi closes the database after this: background work under way is waited for first.
  async destroy() {
    const scheduler = stopScheduler?.();
    stopScheduler = undefined;
    stopNotifier?.();
    stopNotifier = undefined;
    const sender = webhookSender?.stop();
    webhookSender = undefined;
    await Promise.all([scheduler, sender]);
  },
};
