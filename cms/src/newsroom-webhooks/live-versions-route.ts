import type { Core } from '@strapi/strapi';
import { ReplayGuard, verifyRebuildRequest } from '@tablica/shared/signing';
import { type LiveVersion, queueLiveVersions } from './deliveries';

interface RouteContext {
  request: { body?: unknown; headers: Record<string, string | string[] | undefined> };
  status: number;
  body: unknown;
}

const MAX_VERSIONS = 5_000;

/**
 * POST /api/tablica/live-versions: the publisher says which notice versions a build that just
 * went live carries. Signed like the CMS's own rebuild requests (the same SITE_REBUILD_SECRET,
 * Standard Webhooks headers, each request once), so nobody else can make newsrooms be sent
 * anything; the versions are only ever the published ones, as the site shows them.
 */
export function registerLiveVersionsRoute(strapi: Core.Strapi, secret: string | undefined, onQueued: () => void) {
  const replays = new ReplayGuard();
  strapi.server.routes({
    type: 'content-api',
    prefix: '',
    routes: [
      {
        method: 'POST',
        path: '/tablica/live-versions',
        handler: async (ctx: RouteContext) => {
          const body = ctx.request.body as Record<string | symbol, unknown> | undefined;
          const raw = body?.[Symbol.for('unparsedBody')];
          const check =
            secret && typeof raw === 'string'
              ? verifyRebuildRequest(secret, ctx.request.headers, raw)
              : { ok: false as const, error: 'unsigned' };
          if (!check.ok || !replays.firstUse(check.id)) {
            ctx.status = 401;
            ctx.body = { error: check.ok ? 'replayed' : check.error };
            return;
          }
          const versions = Array.isArray(body?.versions) ? (body.versions as LiveVersion[]) : undefined;
          if (!versions || versions.length > MAX_VERSIONS || !versions.every(isLiveVersion)) {
            ctx.status = 400;
            ctx.body = { error: 'versions: a list of live notice versions is required' };
            return;
          }
          const queued = await queueLiveVersions(strapi, versions);
          if (queued > 0) onQueued();
          ctx.body = { queued };
        },
        config: { auth: false },
      },
    ],
  } as never);
}

function isLiveVersion(value: unknown): value is LiveVersion {
  const version = value as Partial<LiveVersion> | null;
  return (
    typeof version?.key === 'string' &&
    typeof version.slug === 'string' &&
    typeof version.revision === 'number' &&
    ['new', 'update', 'extension', 'lift'].includes(String(version.kind)) &&
    typeof version.institution === 'string' &&
    typeof version.sentAt === 'string' &&
    typeof version.message === 'object' &&
    version.message !== null
  );
}
