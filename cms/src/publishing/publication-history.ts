import type { Core } from '@strapi/strapi';
import { MAX_PUBLICATIONS } from '@tablica/shared';
import type { StrapiRecord } from '../content/strapi-record';
import { versionsOf } from './versions';

/**
 * Each announced version of a notice, per language: its revision, when it was sent and what it
 * said. CAP needs this history (issue: an Update must name the messages it follows by identifier
 * and sent time, and each of them must stay available as it was sent); it is recorded here, at
 * publication, because nothing else keeps what a published version said once it is replaced.
 *
 * A publication that raises the revision adds an entry sent now. One that does not (a correction
 * of a typo, a translation published later) rewrites the text of the current entry and keeps
 * its sent time, so the identifier and sent time other messages name stay the same.
 */
const NOTICE = 'api::notice.notice' as const;

interface StoredPublication {
  revision: number;
  sent: string;
  notice: StrapiRecord;
}

/** The history as stored; anything unreadable (a hand-edited row) starts it afresh. */
function historyOf(value: unknown): StoredPublication[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (entry): entry is StoredPublication =>
      typeof entry === 'object' &&
      entry !== null &&
      Number.isInteger((entry as StoredPublication).revision) &&
      typeof (entry as StoredPublication).sent === 'string',
  );
}

/** The history with this publication in it, oldest first, at most MAX_PUBLICATIONS long. */
export function withPublication(
  history: readonly StoredPublication[],
  revision: number,
  notice: StrapiRecord,
  at: Date,
): StoredPublication[] {
  const last = history.at(-1);
  const entry = { revision, sent: last?.revision === revision ? last.sent : at.toISOString(), notice };
  const next = last?.revision === revision ? [...history.slice(0, -1), entry] : [...history, entry];
  return next.slice(-MAX_PUBLICATIONS);
}

/**
 * After a publication: the history of every published locale of the document, written on its
 * draft and published rows alike (a database write, so the document does not read as modified).
 */
export async function recordPublications(
  strapi: Core.Strapi,
  documentId: string,
  locales: readonly string[],
  at: Date,
) {
  const contents = await versionsOf(strapi, documentId, locales, 'published');
  for (const locale of locales) {
    const content = contents.get(locale);
    if (!content) continue;
    // Attachments are copied into each build from the media library; a message never carried them.
    const { attachments: _files, ...said } = content;
    const row = await strapi.db.query(NOTICE).findOne({
      where: { documentId, locale, publishedAt: { $notNull: true } },
      select: ['revision', 'publications'],
    });
    const revision = Number(row?.revision ?? 0);
    if (!row || revision < 1) continue;
    const publications = withPublication(historyOf(row.publications), revision, said, at);
    await strapi.db.query(NOTICE).updateMany({ where: { documentId, locale }, data: { publications } });
  }
}
