import type { Core } from '@strapi/strapi';

const NAME = 'Tablica: przebudowa serwisu';
// Publishing state changes and edits of anything the site shows; entry.* covers every content
// type, and the publisher looks at `model` to ignore what it does not use.
const EVENTS = ['entry.create', 'entry.update', 'entry.delete', 'entry.publish', 'entry.unpublish'];

/**
 * The webhook that tells the publisher to rebuild, kept in line with SITE_REBUILD_URL and
 * SITE_REBUILD_SECRET (sent as the X-Tablica-Secret header). Without a URL, it is removed.
 */
export async function ensureRebuildWebhook(strapi: Core.Strapi, env: { url?: string; secret?: string }) {
  const store = strapi.get('webhookStore');
  const existing = (await store.findWebhooks()).find((webhook: { name: string }) => webhook.name === NAME);
  if (!env.url) {
    if (existing) await store.deleteWebhook(existing.id);
    return;
  }
  const webhook = {
    name: NAME,
    url: env.url,
    headers: env.secret ? { 'X-Tablica-Secret': env.secret } : {},
    events: EVENTS,
    isEnabled: true,
  };
  if (existing) await store.updateWebhook(existing.id, webhook);
  else await store.createWebhook(webhook);
  // The running webhook runner only learns of stored webhooks at boot or through the admin API.
  const runner = strapi.get('webhookRunner');
  const stored = (await store.findWebhooks()).find((item: { name: string }) => item.name === NAME);
  if (stored) {
    if (existing) runner.update(stored);
    else runner.add(stored);
  }
}
