import type { AddressInfo } from 'node:net';
import type { Core } from '@strapi/strapi';
import { previewKey, readPreviewToken } from '@tablica/shared/preview-token';
import { previewSnapshot } from './preview-snapshot';

/**
 * The admin panel's origin, the only page allowed to frame a preview: PUBLIC_URL when set, else
 * the address the CMS really listens on (its configured port may be 0: "any free one").
 */
function adminOrigin(strapi: Core.Strapi): string {
  const publicUrl = strapi.config.get<string>('server.url', '');
  if (/^https?:\/\//.test(publicUrl)) return new URL(publicUrl).origin;
  const address = strapi.server.httpServer.address() as AddressInfo | null;
  return `http://${strapi.config.get<string>('server.host', '127.0.0.1')}:${address?.port ?? strapi.config.get('server.port')}`;
}

/** The part of Koa's context used here; the router adds `params`. */
interface PreviewContext {
  params?: { token?: string };
  status: number;
  body: unknown;
  set: (name: string, value: string) => void;
}

/**
 * GET /api/tablica/preview/:token — the draft a preview token names, as a snapshot the site can
 * build from (what the publisher's preview asks for). No account: the signed, short-lived token
 * is the permission, and it names one document. Anything else — a forged, altered or expired
 * token, a deleted notice — is a plain 404 that says nothing about why. Never cached.
 */
export function registerPreviewRoute(strapi: Core.Strapi) {
  const key = previewKey(strapi.config.get<string>('admin.auth.secret'));
  strapi.server.routes({
    type: 'content-api',
    routes: [
      {
        method: 'GET',
        path: '/tablica/preview/:token',
        handler: async (ctx: PreviewContext) => {
          ctx.set('cache-control', 'no-store');
          ctx.set('x-robots-tag', 'noindex, nofollow');
          const claim = readPreviewToken(key, String(ctx.params?.token ?? ''));
          const snapshot = claim ? await previewSnapshot(strapi, claim.documentId) : undefined;
          const slug = (snapshot?.notices[0] as { slug?: string } | undefined)?.slug;
          if (!claim || !snapshot || !slug) {
            ctx.status = 404;
            ctx.body = { error: 'not found' };
            return;
          }
          ctx.body = { page: { slug, locale: claim.locale }, adminOrigin: adminOrigin(strapi), snapshot };
        },
        info: { type: 'content-api' },
        config: { auth: false },
      },
    ],
  });
}
