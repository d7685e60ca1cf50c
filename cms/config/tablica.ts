import type { Core } from '@strapi/strapi';
import { numberSetting } from '@tablica/shared/number-setting';

/** Tablica's own settings; read by src/index.ts as strapi.config.get('tablica.…'). */
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  adminEmail: env('ADMIN_EMAIL', ''),
  adminPassword: env('ADMIN_PASSWORD', ''),
  seedDemo: env.bool('TABLICA_SEED', true),
  rebuildUrl: env('SITE_REBUILD_URL', ''),
  rebuildSecret: env('SITE_REBUILD_SECRET', ''),
  // Where residents read the site, for the edit view's "Zobacz w serwisie" (else the settings' base URL).
  sitePublicUrl: env('SITE_PUBLIC_URL', ''),
  // How often the scheduler looks for due publications and liftings (src/publishing/scheduler.ts).
  // Not env.int: it made "0" or a typo (NaN) a pass every millisecond; this stops the CMS, naming the setting.
  schedulerIntervalSeconds: numberSetting(env, 'TABLICA_SCHEDULER_INTERVAL_SECONDS', {
    fallback: 30,
    what: 'a number of seconds',
  }),
  // Newsroom webhooks may reach private and loopback addresses only when the operator says so.
  webhookAllowPrivate: env.bool('TABLICA_WEBHOOK_ALLOW_PRIVATE', false),
  webhookIntervalSeconds: numberSetting(env, 'TABLICA_WEBHOOK_INTERVAL_SECONDS', {
    fallback: 5,
    what: 'a number of seconds',
  }),
});
