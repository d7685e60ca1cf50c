import type { Core } from '@strapi/strapi';
import { portSetting } from '@tablica/shared/number-setting';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  host: env('HOST', '127.0.0.1'),
  port: portSetting(env, 'PORT', 1337),
  url: env('PUBLIC_URL', ''),
  app: { keys: env.array('APP_KEYS') },
  // Behind a reverse proxy that ends TLS (docs/operators.md), IS_PROXIED=true makes Strapi believe
  // its X-Forwarded-* headers: the request is HTTPS, so the admin's session cookie is sent Secure.
  // Off by default: without a proxy in front, anyone could claim those headers. The client's
  // address is the one the nearest PROXY_HOPS proxies added, never one the client wrote itself:
  // else each login attempt could claim another address and pass the per-address limit.
  proxy: { koa: env.bool('IS_PROXIED', false), maxIpsCount: env.int('PROXY_HOPS', 1) },
  // Nothing may reach the internet at boot: no update check.
  logger: { updates: { enabled: false } },
});
