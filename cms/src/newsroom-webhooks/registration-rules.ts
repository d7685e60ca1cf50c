import type { Core } from '@strapi/strapi';
import { throwFieldErrors } from '../validation/field-errors';
import { generateWebhookSecret, isWebhookSecret } from './standard-webhooks';

const WEBHOOK = 'api::newsroom-webhook.newsroom-webhook';

/**
 * What an editor enters for a newsroom's webhook is checked when it is saved: an http(s) address
 * (https recommended; the SSRF guard judges where it leads when sending), and a secret in the
 * Standard Webhooks form — made for them when left empty, so the editor only copies it to the
 * newsroom.
 */
export function registerWebhookRules(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== WEBHOOK || (context.action !== 'create' && context.action !== 'update')) return next();
    const params = context.params as { data?: Record<string, unknown> };
    const data = params.data ?? {};
    const errors = [];
    if (context.action === 'create' || 'url' in data) {
      let protocol = '';
      try {
        protocol = new URL(String(data.url ?? '')).protocol;
      } catch {
        // Reported below.
      }
      if (protocol !== 'https:' && protocol !== 'http:') {
        errors.push(fieldError('url', 'Adres', 'Wpisz pełny adres zaczynający się od https:// (podaje go redakcja).'));
      }
    }
    if (context.action === 'create' && !data.secret) data.secret = generateWebhookSecret();
    if ('secret' in data && !isWebhookSecret(data.secret)) {
      errors.push(
        fieldError(
          'secret',
          'Sekret',
          'Zostaw puste, a system utworzy sekret sam (whsec_…), albo wklej sekret w tej postaci.',
        ),
      );
    }
    if (errors.length > 0) throwFieldErrors(errors);
    params.data = data;
    return next();
  });
}

const fieldError = (field: string, location: string, message: string) => ({
  path: [field],
  field,
  location,
  message,
});
