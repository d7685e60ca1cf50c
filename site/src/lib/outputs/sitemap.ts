import { absoluteUrl } from '../routes.ts';
import { escapeMarkup as escapeXml } from './escape.ts';

export interface SitemapEntry {
  path: string;
  /** The same page in each language (hreflang → path), this one included. */
  alternates: Record<string, string>;
  lastModified?: Date | undefined;
}

/** sitemaps.org XML with hreflang alternates (Google's `xhtml:link` extension). */
export function sitemapXml(entries: SitemapEntry[], baseUrl: string): string {
  const urls = entries.map(({ path, alternates, lastModified }) => {
    const links = Object.entries(alternates).map(
      ([language, alternate]) =>
        `<xhtml:link rel="alternate" hreflang="${escapeXml(language)}" href="${escapeXml(absoluteUrl(baseUrl, alternate))}"/>`,
    );
    const modified = lastModified ? `<lastmod>${lastModified.toISOString()}</lastmod>` : '';
    return `<url><loc>${escapeXml(absoluteUrl(baseUrl, path))}</loc>${modified}${links.join('')}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
}
