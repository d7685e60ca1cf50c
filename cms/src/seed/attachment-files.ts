import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { Attachment, Notice } from '@tablica/shared';

const FILE = 'plugin::upload.file';

// Strapi keeps sizes in kB (1000 bytes) with two decimals.
const kilobytes = (bytes: number) => Math.round((bytes / 1000) * 100) / 100;

/**
 * The media file behind an attachment of a snapshot, found or uploaded, so that a seed or a
 * restore keeps every attachment: the library's own file when the address is one of its
 * `/uploads/…` (an export of this CMS), a file of the same name and size already uploaded (a
 * repeated seed), or the file of that name beside the snapshot (`<snapshot dir>/files/`, as the
 * demo's). An attachment none of these finds stops the import, named, instead of vanishing.
 */
export async function attachmentFileId(
  strapi: Core.Strapi,
  attachment: Attachment,
  { notice, filesDirectory }: { notice: Pick<Notice, 'slug' | 'locale'>; filesDirectory?: string | undefined },
): Promise<number> {
  const files = strapi.db.query(FILE);
  const { pathname } = new URL(attachment.url);
  const byUrl = pathname.startsWith('/uploads/') ? await files.findOne({ where: { url: pathname } }) : null;
  if (byUrl) return byUrl.id as number;
  const name = decodeURIComponent(path.posix.basename(pathname));
  const local = filesDirectory ? path.join(filesDirectory, name) : undefined;
  const bytes = local && existsSync(local) ? statSync(local).size : attachment.bytes;
  if (bytes !== undefined) {
    const same = await files.findOne({ where: { name, size: kilobytes(bytes) } });
    if (same) return same.id as number;
  }
  if (local && existsSync(local)) {
    const [uploaded] = await strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: {},
        files: {
          filepath: local,
          originalFilename: name,
          mimetype: attachment.mime ?? 'application/octet-stream',
          size: statSync(local).size,
        },
      });
    return uploaded.id as number;
  }
  throw new Error(
    `Tablica: notice "${notice.slug}" (${notice.locale}): the attachment "${attachment.label}" (${attachment.url}) is not in the media library and there is no ${name} beside the snapshot${filesDirectory ? ` (in ${filesDirectory})` : ''}. Upload it in the Media Library or put the file there, then import again.`,
  );
}
