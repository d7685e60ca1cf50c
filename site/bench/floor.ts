import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatPeriod, LOCALES, type Locale, noticeStatus, type Snapshot } from '@tablica/shared';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

const prefix = (locale: Locale) => (locale === 'pl' ? '' : `${locale}/`);

/**
 * The floor for the build benchmark: the same number of pages, each from a template string with
 * the notice's escaped texts and its period in words, written with fs. What any static build of
 * this content must at least spend.
 */
export async function writeFloorSite(snapshot: Snapshot, outDir: string, now: Date): Promise<number> {
  const originals = snapshot.notices.filter((notice) => notice.locale === 'pl');
  const versions = new Map(snapshot.notices.map((notice) => [`${notice.locale}/${notice.slug}`, notice]));
  const pages: [string, string][] = [];
  for (const locale of LOCALES) {
    const list = originals.map((notice) => `<li>${escapeHtml(notice.title)}</li>`).join('');
    pages.push([`${prefix(locale)}index.html`, `<ul>${list}</ul>`]);
    for (const notice of originals) {
      const shown = versions.get(`${locale}/${notice.slug}`) ?? notice;
      const period = formatPeriod(
        { start: shown.effectiveFrom, end: shown.effectiveUntil, timeZone: shown.timeZone },
        locale,
      );
      pages.push([
        `${prefix(locale)}notices/${notice.slug}/index.html`,
        `<h1>${escapeHtml(shown.title)}</h1><p>${noticeStatus(shown, now)}: ${period}</p><p>${escapeHtml(shown.summary)}</p>`,
      ]);
    }
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
