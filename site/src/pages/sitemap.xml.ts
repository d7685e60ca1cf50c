import type { APIRoute } from 'astro';
import { getSiteContent } from '../lib/content.ts';
import { sitemapXml } from '../lib/outputs/sitemap.ts';
import { sitemapEntries } from '../lib/sitemap-entries.ts';

export const GET: APIRoute = async () => {
  const content = await getSiteContent();
  return new Response(sitemapXml(sitemapEntries(content), content.baseUrl), {
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  });
};
