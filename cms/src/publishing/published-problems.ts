import type { Core } from '@strapi/strapi';
import { EDITOR_LANGUAGE, loadSnapshotKeepingGood, type NoticeProblem } from '@tablica/shared';
import { exportSnapshot } from '../seed/export-snapshot';

/** How long one answer is reused: the admin asks on every list and edit view. */
const REUSE_FOR_MS = 10_000;
let cached: { at: number; problems: Promise<NoticeProblem[]> } | undefined;

/**
 * The published notices that fail today's rules, judged exactly as the site build judges them
 * (the same shared function over the same published content). The site then keeps showing the
 * last good version of each, or nothing when it never had one; the editor must be told so.
 */
export function publishedProblems(strapi: Core.Strapi): Promise<NoticeProblem[]> {
  if (!cached || Date.now() - cached.at > REUSE_FOR_MS) {
    const problems = exportSnapshot(strapi).then((raw) => {
      try {
        return loadSnapshotKeepingGood(raw, { language: EDITOR_LANGUAGE, source: 'CMS', relativeDates: false })
          .problems;
      } catch {
        // Settings or institutions are broken: the site build says so itself; nothing per notice.
        return [];
      }
    });
    cached = { at: Date.now(), problems };
  }
  return cached.problems;
}

/** GET /tablica/published-problems (admin users only): [{ documentId, slug, locale, errors }]. */
export function registerPublishedProblemsRoute(strapi: Core.Strapi) {
  strapi.server.routes({
    type: 'admin',
    prefix: '/tablica',
    routes: [
      {
        method: 'GET',
        path: '/published-problems',
        handler: async (ctx: { body: unknown }) => {
          const problems = await publishedProblems(strapi);
          const rows = problems.length
            ? await strapi.db.query('api::notice.notice').findMany({
                where: { slug: { $in: [...new Set(problems.map((problem) => problem.slug))] } },
                select: ['slug', 'documentId'],
              })
            : [];
          const documentOf = new Map(
            rows.map((row: { slug: string; documentId: string }) => [row.slug, row.documentId]),
          );
          ctx.body = {
            data: problems.map((problem) => ({
              documentId: documentOf.get(problem.slug) ?? null,
              slug: problem.slug,
              locale: problem.locale,
              errors: problem.errors.map((error) => ({ location: error.location, message: error.message })),
            })),
          };
        },
        info: { type: 'admin' },
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
    ],
  });
}
