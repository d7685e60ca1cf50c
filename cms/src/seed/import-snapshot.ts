import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, type Notice, type Snapshot } from '@tablica/shared';
import { institutionToStrapi, noticeToStrapi, siteSettingsToStrapi, toStrapiInput } from '../content/from-shared';
import { attachmentFileId } from './attachment-files';
import { databaseSettled } from './database-settled';

const NOTICE = 'api::notice.notice';
const INSTITUTION = 'api::institution.institution';
const SETTINGS = 'api::site-setting.site-setting';

/**
 * Notices written per transaction: enough to save a disk sync per row, few enough that Strapi's
 * entry events for them (run after the commit, see databaseSettled) are done before the next.
 */
const CHUNK = 100;

/** Writes in one transaction, then waits for the work its commit set off. */
async function committed(strapi: Core.Strapi, write: () => Promise<void>) {
  await strapi.db.transaction(write);
  await databaseSettled(strapi);
}

/** Writes `items` in transactions of CHUNK (see committed), saying after each how many are done. */
async function inChunks<T>(
  strapi: Core.Strapi,
  items: readonly T[],
  write: (item: T) => Promise<void>,
  done: (count: number) => void = () => {},
) {
  for (let start = 0; start < items.length; start += CHUNK) {
    await committed(strapi, async () => {
      for (const item of items.slice(start, start + CHUNK)) await write(item);
    });
    done(Math.min(start + CHUNK, items.length));
  }
}

export interface ImportSummary {
  institutions: number;
  notices: number;
}

async function documentIdBySlug(strapi: Core.Strapi, uid: typeof NOTICE | typeof INSTITUTION, slug: string) {
  const row = await strapi.db.query(uid).findOne({ where: { slug }, select: ['documentId'] });
  return row?.documentId as string | undefined;
}

/**
 * Keeps the snapshot's own dates, revision and publication history (the 2020 notice was published in 2020), instead
 * of the moment of import.
 */
async function keepDates(strapi: Core.Strapi, documentId: string, notice: Notice) {
  const rows = strapi.db.query(NOTICE);
  const where = { documentId, locale: notice.locale };
  const dates = {
    createdAt: notice.createdAt,
    updatedAt: notice.updatedAt,
    revision: notice.revision,
    // The snapshot's own record of what was announced, not the import's publication.
    publications: notice.publications,
  };
  await rows.updateMany({ where: { ...where, publishedAt: { $null: true } }, data: dates });
  await rows.updateMany({
    where: { ...where, publishedAt: { $notNull: true } },
    data: { ...dates, publishedAt: notice.publishedAt },
  });
}

export interface ImportOptions {
  /** Where the files of attachments not yet in the media library are (beside the snapshot, `files/`). */
  filesDirectory?: string | undefined;
  /** Told after each hundred notice versions written (an archive of 10,000 takes minutes). */
  onProgress?: (written: number, total: number) => void;
}

/**
 * Imports a validated snapshot, idempotently: institutions by slug, notices by slug and locale,
 * site settings as the single type. Everything imported is published; every write goes through
 * the same validation as an editor's. Written in transactions of a hundred notices, each waited
 * for (see inChunks), so call it outside a transaction; an import that fails part way (a lost
 * database) keeps what it wrote, and running it again completes it.
 */
export async function importSnapshot(
  strapi: Core.Strapi,
  snapshot: Snapshot,
  { filesDirectory, onProgress }: ImportOptions = {},
): Promise<ImportSummary> {
  const institutionIds = new Map<string, string>();
  await committed(strapi, async () => {
    const settings = await strapi.documents(SETTINGS).findFirst();
    const settingsData = toStrapiInput(siteSettingsToStrapi(snapshot.siteSettings));
    if (settings) await strapi.documents(SETTINGS).update({ documentId: settings.documentId, data: settingsData });
    else await strapi.documents(SETTINGS).create({ data: settingsData });
  });
  await inChunks(strapi, snapshot.institutions, async (institution) => {
    const data = toStrapiInput(institutionToStrapi(institution));
    const existing = await documentIdBySlug(strapi, INSTITUTION, institution.slug);
    const saved = existing
      ? await strapi.documents(INSTITUTION).update({ documentId: existing, data })
      : await strapi.documents(INSTITUTION).create({ data });
    if (saved) institutionIds.set(institution.slug, saved.documentId);
  });

  // Default-language versions first: translations attach to the document they create.
  const ordered = [...snapshot.notices].sort(
    (a, b) => Number(b.locale === DEFAULT_LOCALE) - Number(a.locale === DEFAULT_LOCALE),
  );
  const noticeIds = new Map<string, string>();
  const attachmentFiles = new Map<Notice, number[]>();
  const signLanguageFiles = new Map<Notice, number>();
  for (const notice of ordered) {
    const files: number[] = [];
    for (const attachment of notice.attachments)
      files.push(await attachmentFileId(strapi, attachment, { notice, filesDirectory }));
    attachmentFiles.set(notice, files);
    const video = notice.signLanguageVideo;
    if (video?.kind === 'file') {
      const file = { label: 'PJM', url: video.url, mime: video.mime };
      signLanguageFiles.set(notice, await attachmentFileId(strapi, file, { notice, filesDirectory }));
    }
  }
  await inChunks(
    strapi,
    ordered,
    async (notice) => {
      const institution = institutionIds.get(notice.institution) ?? '';
      const data = toStrapiInput(
        noticeToStrapi(notice, {
          institution,
          attachmentFiles: attachmentFiles.get(notice) ?? [],
          signLanguageFile: signLanguageFiles.get(notice),
        }),
      );
      const existing = noticeIds.get(notice.slug) ?? (await documentIdBySlug(strapi, NOTICE, notice.slug));
      const saved = existing
        ? await strapi
            .documents(NOTICE)
            .update({ documentId: existing, locale: notice.locale, data, status: 'published' })
        : await strapi.documents(NOTICE).create({ locale: notice.locale, data, status: 'published' });
      if (saved) noticeIds.set(notice.slug, saved.documentId);
    },
    (written) => onProgress?.(written, ordered.length),
  );

  // Update chains last, once every notice they point to exists; then restore the snapshot's dates.
  await inChunks(strapi, ordered, async (notice) => {
    const documentId = noticeIds.get(notice.slug) ?? '';
    const predecessorInLocale = snapshot.notices.some(
      (other) => other.slug === notice.supersedes && other.locale === notice.locale,
    );
    const supersedes = notice.supersedes && predecessorInLocale ? noticeIds.get(notice.supersedes) : undefined;
    if (supersedes) {
      const data = toStrapiInput(
        noticeToStrapi(notice, {
          institution: institutionIds.get(notice.institution) ?? '',
          supersedes,
          attachmentFiles: attachmentFiles.get(notice) ?? [],
          signLanguageFile: signLanguageFiles.get(notice),
        }),
      );
      await strapi.documents(NOTICE).update({ documentId, locale: notice.locale, data, status: 'published' });
    }
    await keepDates(strapi, documentId, notice);
  });
  return { institutions: snapshot.institutions.length, notices: snapshot.notices.length };
}
