import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Core } from '@strapi/strapi';
import { PublishedNoticeSchema } from '@tablica/shared';
import { mediaBaseUrl } from './media-base-url';
import type { StrapiRecord } from './strapi-record';

const NOTICE = 'api::notice.notice';
const FILE = 'plugin::upload.file';
/** Rows per query: keeps each relation query's `IN (…)` list well below SQLite's variable limit. */
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
  const rows = strapi.db.query(NOTICE);
  const data: NoticeVersion[] = [];
  for (let afterId = 0; ; ) {
    const page = (await rows.findMany({
      where: { publishedAt: { $notNull: true }, id: { $gt: afterId } },
      orderBy: { id: 'asc' },
      limit: ROWS_PER_QUERY,
      populate: { institution: { select: ['id'] }, supersedes: { select: ['id'] } },
    })) as StrapiRecord[];
    for (const row of page) {
      const { institution, supersedes, ...columns } = row;
      data.push({
        slug: String(row.slug),
        locale: String(row.locale),
        version: digest(columns, idOf(institution), idOf(supersedes)),
      });
    }
    if (page.length < ROWS_PER_QUERY) break;
    afterId = page.at(-1)?.id as number;
  }
  const files = strapi.db.query(FILE);
  const [count, newest] = await Promise.all([
    files.count(),
    files.findOne({ select: ['updatedAt'], orderBy: { updatedAt: 'desc' } }) as Promise<StrapiRecord | null>,
  ]);
  return { data, meta: { shape: shapeOf(strapi), media: digest(count, newest?.updatedAt ?? null) } };
}

const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as StrapiRecord).id : null);
