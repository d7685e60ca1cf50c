import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Core } from '@strapi/strapi';
import { PublishedNoticeSchema } from '@tablica/shared';
import { mediaBaseUrl } from './media-base-url';
import type { StrapiRecord } from './strapi-record';

const NOTICE = 'api::notice.notice';
const FILE = 'plugin::upload.file';
/** Rows per query: a page's rows, not the whole table, are in memory at once. */
const ROWS_PER_QUERY = 5_000;

export interface NoticeVersion {
  slug: string;
  locale: string;
  /** Changes whenever what the public API answers for this notice can change. */
  version: string;
}

export interface NoticeVersions {
  data: NoticeVersion[];
  meta: {
    /** The code and settings that shape an answer: a cached answer of another shape is void. */
    shape: string;
    /** The media library's state: a replaced or deleted file changes attachments without a publish. */
    media: string;
  };
}

const digest = (...parts: unknown[]) =>
  createHash('sha256')
    .update(parts.map((part) => JSON.stringify(part)).join('\u0000'))
    .digest('base64url')
    .slice(0, 22);

let codeDigest: string | undefined;

/** The mapping's code (toSharedNotice, the populate tree, the shared fields), read once. */
function shapeOf(strapi: Core.Strapi): string {
  codeDigest ??= digest(
    readFileSync(require.resolve('./to-shared'), 'utf8'),
    readFileSync(require.resolve('./populate'), 'utf8'),
    Object.keys(PublishedNoticeSchema.in.shape),
    strapi.config.get('info.strapi', ''),
  );
  return digest(codeDigest, mediaBaseUrl(strapi));
}

/**
 * A version of every published notice, for a site build that keeps the last answers it read and
 * fetches only notices whose version it has not seen. The public REST answer for a notice is made
 * from its row (scalars, components), its institution's and its predecessor's slugs and its files.
 * A publish writes a new row with new components (a new id), and a scalar updated in place (a
 * revision, a phase) changes the row's columns, so the version is a digest of the row's columns
 * and its relations' ids; files are covered by `meta.media`. Published rows only, and nothing
 * the public notices API does not already answer (slugs, locales) but digests: no row ids, which
 * would tell how often drafts are saved.
 */
export async function listNoticeVersions(strapi: Core.Strapi): Promise<NoticeVersions> {
  const data: NoticeVersion[] = [];
  const read = noticeRowsReader(strapi);
  for (let afterId = 0; ; ) {
    const page = await read(afterId);
    for (const { __institution, __supersedes, ...columns } of page) {
      data.push({
        slug: String(columns.slug),
        locale: String(columns.locale),
        version: digest(columns, __institution ?? null, __supersedes ?? null),
      });
    }
    if (page.length < ROWS_PER_QUERY) break;
    afterId = Number(page.at(-1)?.id);
  }
  const files = strapi.db.query(FILE);
  const [count, newest] = await Promise.all([
    files.count(),
    files.findOne({ select: ['updatedAt'], orderBy: { updatedAt: 'desc' } }) as Promise<StrapiRecord | null>,
  ]);
  return { data, meta: { shape: shapeOf(strapi), media: digest(count, newest?.updatedAt ?? null) } };
}

type RawRow = Record<string, unknown> & { __institution?: unknown; __supersedes?: unknown };

/**
 * Published notice rows after a row id, with their institution's and predecessor's ids, as the
 * database stores them: one query per page, straight through knex. Through the query engine
 * (every column turned into its attribute, each relation a query of its own) the listing took
 * 1.3 s of every publish at 10,000 notices; the digest needs only that the values change when the
 * row does. Table and column names come from Strapi's metadata, so they are the ones it migrated.
 */
function noticeRowsReader(strapi: Core.Strapi): (afterId: number) => Promise<RawRow[]> {
  const meta = strapi.db.metadata.get(NOTICE);
  const column = (attribute: string) => {
    const { columnName } = meta.attributes[attribute] as { columnName?: string };
    if (!columnName) throw new Error(`${NOTICE}.${attribute} has no column`);
    return `${meta.tableName}.${columnName}`;
  };
  const link = (attribute: string) => {
    const { joinTable } = meta.attributes[attribute] as {
      joinTable?: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } };
    };
    if (!joinTable) throw new Error(`${NOTICE}.${attribute} has no join table`);
    return { table: joinTable.name, from: joinTable.joinColumn.name, to: joinTable.inverseJoinColumn.name };
  };
  const institution = link('institution');
  const supersedes = link('supersedes');
  const knex = strapi.db.connection;
  const id = column('id');
  return (afterId) =>
    knex(meta.tableName)
      .select(
        `${meta.tableName}.*`,
        knex.ref(`institution_link.${institution.to}`).as('__institution'),
        knex.ref(`supersedes_link.${supersedes.to}`).as('__supersedes'),
      )
      .leftJoin(`${institution.table} as institution_link`, `institution_link.${institution.from}`, id)
      .leftJoin(`${supersedes.table} as supersedes_link`, `supersedes_link.${supersedes.from}`, id)
      .whereNotNull(column('publishedAt'))
      .where(id, '>', afterId)
      .orderBy(id, 'asc')
      .limit(ROWS_PER_QUERY);
}
