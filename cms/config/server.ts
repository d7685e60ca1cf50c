import type { Core } from '@strapi/strapi';
import { portSetting } from '@tablica/shared/number-setting';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  host: env('HOST', '127.0.0.1'),
  port: portSetting(env, 'PORT', 1337),
  url: env('PUBLIC_URL', ''),
  app: { keys: env.array('APP_KEYS') },
  // Nothing may reach the internet at boot: no update check.
  logger: { updates: { enabled: false } },
});
