import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatPeriod, LOCALES, type Locale, noticeStatus, type Snapshot } from '@tablica/shared';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

const prefix = (locale: Locale) => (locale === 'pl' ? '' : `${locale}/`);

/**
 * The floor for the build benchmark: a page per notice and language and the list pages, each from a template string with
 * the notice's escaped texts and its period in words, written with fs. What any static build of
 * this content must at least spend.
 */
export async function writeFloorSite(snapshot: Snapshot, outDir: string, now: Date): Promise<number> {
  const originals = snapshot.notices.filter((notice) => notice.locale === 'pl');
  const pages: [string, string][] = [];
  for (const notice of snapshot.notices) {
    const period = formatPeriod(
      { start: notice.effectiveFrom, end: notice.effectiveUntil, timeZone: notice.timeZone },
      notice.locale,
    );
    pages.push([
      `${prefix(notice.locale)}notices/${notice.slug}/index.html`,
      `<h1>${escapeHtml(notice.title)}</h1><p>${noticeStatus(notice, now)}: ${period}</p><p>${escapeHtml(notice.summary)}</p>`,
    ]);
  }
  for (const locale of LOCALES) {
    const list = originals.map((notice) => `<li>${escapeHtml(notice.title)}</li>`).join('');
    pages.push([`${prefix(locale)}index.html`, `<ul>${list}</ul>`]);
    for (const institution of snapshot.institutions) {
      pages.push([
        `${prefix(locale)}institutions/${institution.slug}/index.html`,
        `<h1>${escapeHtml(institution.name)}</h1>`,
      ]);
    }
  }
  for (const [file, body] of pages) {
    const target = path.join(outDir, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, `<!doctype html><html><head><meta charset="utf-8"></head><body>${body}</body></html>`);
  }
  return pages.length;
}
