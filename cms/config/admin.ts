import type { Core } from '@strapi/strapi';
import { previewKey, signPreviewToken } from '@tablica/shared/preview-token';

/**
 * "Podgląd" in the edit view: the draft rendered by the site's own views, built by the
 * publisher (site/publisher/preview.ts) at SITE_PREVIEW_URL — the publisher's private address,
 * never the public site — behind a ten-minute signed token (src/preview/preview-token.ts).
 * Notices only; without SITE_PREVIEW_URL Strapi shows no preview.
 */
function previewConfig(env: Core.Config.Shared.ConfigParams['env']) {
  const previewUrl = env('SITE_PREVIEW_URL', '');
  if (!previewUrl) return { enabled: false };
  const key = previewKey(env('ADMIN_JWT_SECRET', ''));
  return {
    enabled: true,
    config: {
      allowedOrigins: [new URL(previewUrl).origin],
      async handler(uid: string, { documentId, locale }: { documentId: string; locale?: string }) {
        if (uid !== 'api::notice.notice' || !documentId) return null;
        const token = signPreviewToken(key, { documentId, locale: locale ?? 'pl' });
        return `${previewUrl.replace(/\/$/, '')}/podglad/${token}/`;
      },
    },
  };
}

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  auth: { secret: env('ADMIN_JWT_SECRET') },
  apiToken: { salt: env('API_TOKEN_SALT') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY') },
  autoOpen: false,
  // No survey pop-ups or upsell banners for editors.
  flags: { nps: false, promoteEE: false },
  // Strapi AI (translations, media descriptions) sends drafts to Strapi's own servers once a
  // licence allows it. Drafts of a public body's notices may hold what is not yet public, and
  // sending them to a third party is the operator's decision under GDPR, not a default.
  ai: { enabled: env.bool('STRAPI_AI', false) },
  watchIgnoreFiles: ['**/test/**', '**/scripts/**'],
  preview: previewConfig(env),
});
