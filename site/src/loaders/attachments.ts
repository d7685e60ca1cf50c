import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Notice } from '@tablica/shared';

/** Where the site serves the attachments it copied: its own origin, never the CMS's. */
export const ATTACHMENTS_PATH = '/zalaczniki/';
/** Types the site serves as attachments (the CMS accepts no others). */
const EXTENSION_BY_MIME: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
};
const MAX_BYTES = 50 * 1024 * 1024;
const TIMEOUT_MS = 60_000;

/** "Wniosek o zasiłek (2020).PDF" → "wniosek-o-zasilek-2020.pdf": a name any server and shell take as it is. */
export function safeFileName(label: string, extension: string): string {
  const base =
    label
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[łŁ]/g, 'l')
      .toLowerCase()
      .replace(/\.[a-z0-9]{1,5}$/, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'zalacznik';
  return `${base}.${extension}`;
}

export interface MirrorResult {
  notices: Notice[];
  /** Attachments that could not be copied: left off their notice (the rest of the site goes on). */
  skipped: string[];
  files: number;
}

/**
 * Copies every attachment into `directory` (`<content hash>/<name>`) and points the notices at
 * the copies under /zalaczniki/ on the site itself: residents never follow a link to the CMS
 * (where the admin lives, and which may then stay private), and a PDF stays available while the
 * CMS is down. A file that cannot be fetched, is too large or of a type the site does not serve
 * is left off its notice and reported; it never stops the build.
 */
export async function mirrorAttachments(
  notices: Notice[],
  { directory, baseUrl, cmsUrl }: { directory: string; baseUrl: string; cmsUrl: string },
): Promise<MirrorResult> {
  const copies = new Map<string, string | undefined>();
  const skipped: string[] = [];
  const copy = async (url: string, label: string): Promise<string | undefined> => {
    if (copies.has(url)) return copies.get(url);
    let sitePath: string | undefined;
    try {
      // The CMS's own files are read where the build reads the CMS (it may be private, or know
      // itself by a public address the build machine does not use); other storage as linked.
      const source = new URL(url);
      const from = source.pathname.startsWith('/uploads/') ? new URL(source.pathname, cmsUrl) : source;
      const response = await fetch(from, { signal: AbortSignal.timeout(TIMEOUT_MS) });
      if (!response.ok) throw new Error(`answered ${response.status}`);
      const type = (response.headers.get('content-type') ?? '').split(';')[0]?.trim() ?? '';
      const extension = EXTENSION_BY_MIME[type];
      if (!extension) throw new Error(`type ${type || 'unknown'} is not served by the site`);
      if (Number(response.headers.get('content-length') ?? 0) > MAX_BYTES) throw new Error('larger than 50 MB');
      const bytes = Buffer.from(await response.arrayBuffer());
      if (bytes.length > MAX_BYTES) throw new Error('larger than 50 MB');
      const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
      const name = safeFileName(label, extension);
      mkdirSync(path.join(directory, hash), { recursive: true });
      writeFileSync(path.join(directory, hash, name), bytes);
      sitePath = `${ATTACHMENTS_PATH}${hash}/${name}`;
    } catch (error) {
      skipped.push(`${url}: ${(error as Error).message}`);
    }
    copies.set(url, sitePath);
    return sitePath;
  };
  const base = baseUrl.replace(/\/$/, '');
  const result: Notice[] = [];
  for (const notice of notices) {
    if (notice.attachments.length === 0) {
      result.push(notice);
      continue;
    }
    const attachments = [];
    for (const attachment of notice.attachments) {
      const sitePath = await copy(attachment.url, attachment.label);
      if (sitePath) attachments.push({ ...attachment, url: `${base}${sitePath}` });
    }
    result.push({ ...notice, attachments });
  }
  return { notices: result, skipped, files: [...copies.values()].filter(Boolean).length };
}
