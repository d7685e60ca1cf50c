import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  auth: { secret: env('ADMIN_JWT_SECRET') },
  apiToken: { salt: env('API_TOKEN_SALT') },
  transfer: { token: { salt: env('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: env('ENCRYPTION_KEY') },
  autoOpen: false,
  // No survey pop-ups or upsell banners for editors.
  flags: { nps: false, promoteEE: false },
  watchIgnoreFiles: ['**/test/**', '**/scripts/**'],
});
