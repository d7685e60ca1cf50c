import type { Context, Next } from 'koa';

// Admin-user relations: never filtered or sorted on publicly (a filter is an oracle: it leaks
// admin e-mails one character at a time even when the field itself is not returned).
const ADMIN_FIELDS = new Set(['createdBy', 'updatedBy']);

function withoutAdminFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutAdminFields);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !ADMIN_FIELDS.has(key))
      .map(([key, item]) => [key, withoutAdminFields(item)]),
  );
}

/**
 * Route middleware for public reads. Whatever a request sends, it gets published content, the
 * named populate tree and no field selection (responses keep the shared shape); filters and
 * sort cannot reach admin users. Pagination stays, capped by `rest.maxLimit`.
 */
export function restrictPublicQuery(populate: object) {
  return async (ctx: Context, next: Next) => {
    const query = { ...(ctx.query as Record<string, unknown>) };
    delete query.status;
    delete query.publicationState;
    delete query.fields;
    query.populate = populate;
    if (query.filters !== undefined) query.filters = withoutAdminFields(query.filters);
    if (typeof query.sort === 'string' && ADMIN_FIELDS.has(query.sort.split(':')[0] ?? '')) delete query.sort;
    ctx.query = query as typeof ctx.query;
    await next();
  };
}
