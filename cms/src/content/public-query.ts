import type { Core, UID } from '@strapi/strapi';
import type { Context, Next } from 'koa';

/** Attribute types that hold the entry's own value (not another table's rows). */
const SCALAR = new Set([
  'string',
  'text',
  'richtext',
  'uid',
  'enumeration',
  'email',
  'date',
  'datetime',
  'time',
  'timestamp',
  'integer',
  'biginteger',
  'float',
  'decimal',
  'boolean',
]);
/** Operators that combine filters; every other `$…` key is a comparison on the value. */
const LOGICAL = new Set(['$and', '$or', '$not']);

type Shape = { scalars: Set<string>; relations: Map<string, Shape> };

function scalarsOf(strapi: Core.Strapi, uid: UID.ContentType): Set<string> {
  const attributes = strapi.getModel(uid).attributes as Record<string, { type: string; private?: boolean }>;
  const names = Object.entries(attributes)
    .filter(([, attribute]) => SCALAR.has(attribute.type) && !attribute.private)
    .map(([name]) => name);
  return new Set(['id', 'documentId', ...names]);
}

class RefusedQuery extends Error {}

function checkFilters(value: unknown, shape: Shape, where: string): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      checkFilters(item, shape, `${where}[${index}]`);
    });
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, item] of Object.entries(value)) {
    const path = `${where}[${key}]`;
    if (LOGICAL.has(key)) checkFilters(item, shape, path);
    else if (key.startsWith('$')) checkValue(item, path);
    else if (shape.scalars.has(key)) checkValue(item, path);
    else {
      const target = shape.relations.get(key);
      if (!target) throw new RefusedQuery(path);
      checkFilters(item, target, path);
    }
  }
}

/** Below a scalar only comparisons and values: no way to step into another table. */
function checkValue(value: unknown, where: string): void {
  if (typeof value !== 'object' || value === null) return;
  for (const [key, item] of Object.entries(value)) {
    if (!/^\d+$/.test(key) && !key.startsWith('$')) throw new RefusedQuery(`${where}[${key}]`);
    checkValue(item, `${where}[${key}]`);
  }
}

/** `sort` in any of its forms ('a:asc,b', ['a:desc'], { a: 'asc' }, [{ a: 'asc' }]): own fields only. */
function checkSort(value: unknown, shape: Shape): void {
  const fields: string[] = [];
  const collect = (item: unknown) => {
    if (typeof item === 'string') fields.push(...item.split(',').map((part) => part.split(':')[0]?.trim() ?? ''));
    else if (Array.isArray(item)) item.forEach(collect);
    else if (typeof item === 'object' && item !== null) {
      for (const [key, direction] of Object.entries(item)) {
        if (typeof direction !== 'string') throw new RefusedQuery(`sort[${key}]`);
        fields.push(key);
      }
    }
  };
  collect(value);
  for (const field of fields) if (!shape.scalars.has(field)) throw new RefusedQuery(`sort=${field}`);
}

export interface PublicQueryOptions {
  /** The populate tree the response needs: the only one a request gets. */
  populate: object;
  /**
   * Relations that may be filtered on, and only on the target's own fields: a relation back to a
   * type with drafts (institution → notices, a notice's localizations) would match draft rows.
   */
  filterableRelations?: Record<string, UID.ContentType>;
}

/**
 * Route middleware for public reads. Whatever a request sends, it gets published content, the
 * named populate tree and no field selection (responses keep the shared shape). Filters and sort
 * may name only the queried type's own fields (and the allowed relations' own fields): a filter
 * is an oracle, and through any other relation it could read drafts or admin users one character
 * at a time. Anything else is refused with 400, the same answer whatever the data holds.
 */
export function restrictPublicQuery(strapi: Core.Strapi, uid: UID.ContentType, options: PublicQueryOptions) {
  let shape: Shape | undefined;
  const shapeOf = () => {
    shape ??= {
      scalars: scalarsOf(strapi, uid),
      relations: new Map(
        Object.entries(options.filterableRelations ?? {}).map(([name, target]) => [
          name,
          { scalars: scalarsOf(strapi, target), relations: new Map() },
        ]),
      ),
    };
    return shape;
  };
  return async (ctx: Context, next: Next) => {
    const query = { ...(ctx.query as Record<string, unknown>) };
    delete query.status;
    delete query.publicationState;
    delete query.fields;
    query.populate = options.populate;
    try {
      if (query.filters !== undefined) checkFilters(query.filters, shapeOf(), 'filters');
      if (query.sort !== undefined) checkSort(query.sort, shapeOf());
    } catch (error) {
      if (!(error instanceof RefusedQuery)) throw error;
      const allowed = [...shapeOf().scalars, ...[...shapeOf().relations.keys()].map((name) => `${name}.<field>`)];
      ctx.status = 400;
      ctx.body = {
        data: null,
        error: {
          status: 400,
          name: 'ValidationError',
          message: `${error.message} is not available in the public API. Filter and sort on: ${allowed.join(', ')}.`,
          details: {},
        },
      };
      return;
    }
    ctx.query = query as typeof ctx.query;
    await next();
  };
}
