import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser, parseHTML } from 'linkedom';

/** The file a URL path of the static site is served from. */
export function fileOf(siteDir: string, urlPath: string): string {
  const relative = decodeURI(urlPath).replace(/^\//, '');
  return path.join(siteDir, relative.endsWith('/') || relative === '' ? `${relative}index.html` : relative);
}

export function pageExists(siteDir: string, urlPath: string): boolean {
  return existsSync(fileOf(siteDir, urlPath));
}

/** A built page parsed by a real HTML parser, to query as a browser would. */
export function readPage(siteDir: string, urlPath: string): Document {
  return parseHTML(readFileSync(fileOf(siteDir, urlPath), 'utf8')).document as unknown as Document;
}

export function parseXml(text: string): Document {
  return new DOMParser().parseFromString(text, 'text/xml') as unknown as Document;
}

/**
 * Every HTML page of a build, as URL paths ("/", "/en/notices/x/", "/404.html"). The iframe
 * embeds under /embed/ are a different kind of page (no site frame): only with `embeds`.
 */
export function allPagePaths(siteDir: string, { embeds = false } = {}): string[] {
  return (
    (readdirSync(siteDir, { recursive: true }) as string[])
      .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind'))
      // Embed frames, in every language (embed/…, en/embed/…), are not pages of the site.
      .filter((file) => embeds || !/^([a-z]{2}\/)?embed\//.test(file.replaceAll(path.sep, '/')))
      // Short addresses (k/<code>.html) only send the reader on to a notice's page.
      .filter((file) => !file.replaceAll(path.sep, '/').startsWith('k/'))
      .map((file) => `/${file.replaceAll(path.sep, '/')}`.replace(/index\.html$/, ''))
      .sort()
  );
}

export const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
