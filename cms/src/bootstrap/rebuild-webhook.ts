import type { Core } from '@strapi/strapi';

const LEGACY_NAME = 'Tablica: przebudowa serwisu';

/**
 * Rebuild requests are sent by the CMS's own notifier (src/rebuild), signed per request; the
 * unsigned Strapi webhook that earlier versions stored is removed, so it cannot fire beside it.
 */
export async function removeLegacyRebuildWebhook(strapi: Core.Strapi) {
  const store = strapi.get('webhookStore');
  for (const webhook of await store.findWebhooks()) {
    if (webhook.name !== LEGACY_NAME) continue;
    await store.deleteWebhook(webhook.id);
    strapi.get('webhookRunner').remove(webhook);
  }
}
