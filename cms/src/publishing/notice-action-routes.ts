import type { Core } from '@strapi/strapi';
import { extendNotice, liftNotice } from './extend-and-lift';
import { publicNoticeUrl } from './public-notice-url';

/**
 * POST /tablica/notices/:documentId/extend { untilDate, untilTime?, note? } and
 * POST /tablica/notices/:documentId/lift { note? }: the edit view's "Przedłuż" and "Odwołaj"
 * (src/admin/notice-actions.tsx). Admin users who may publish notices only (the Author role may
 * not); each answers { revision, until } or a 400 saying why not, in Polish.
 */
/** The part of Koa's context used here; the router adds `params`. */
interface ActionContext {
  params?: { documentId?: string };
  request: { body?: unknown };
  body: unknown;
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

const MAY_PUBLISH_NOTICES = {
  name: 'admin::hasPermissions',
  config: { actions: [['plugin::content-manager.explorer.publish', 'api::notice.notice']] },
};

export function registerNoticeActionRoutes(strapi: Core.Strapi) {
  const route = (path: string, act: (documentId: string, body: Record<string, unknown>) => Promise<unknown>) => ({
    method: 'POST' as const,
    path,
    handler: async (ctx: ActionContext) => {
      const body = typeof ctx.request.body === 'object' && ctx.request.body !== null ? ctx.request.body : {};
      ctx.body = { data: await act(String(ctx.params?.documentId), body as Record<string, unknown>) };
    },
    info: { type: 'admin' },
    config: { policies: ['admin::isAuthenticatedAdmin', MAY_PUBLISH_NOTICES] },
  });
  strapi.server.routes({
    type: 'admin',
    prefix: '/tablica',
    routes: [
      route('/notices/:documentId/extend', (documentId, body) =>
        extendNotice(strapi, documentId, {
          untilDate: text(body.untilDate) || null,
          untilTime: text(body.untilTime) || null,
          note: text(body.note),
        }),
      ),
      route('/notices/:documentId/lift', (documentId, body) =>
        liftNotice(strapi, documentId, { note: text(body.note) }),
      ),
      {
        method: 'GET' as const,
        path: '/notices/:documentId/site-url',
        handler: async (ctx: ActionContext & { query?: { locale?: string } }) => {
          ctx.body = {
            data: { url: await publicNoticeUrl(strapi, String(ctx.params?.documentId), ctx.query?.locale) },
          };
        },
        info: { type: 'admin' },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  });
}
