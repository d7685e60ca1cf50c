import type { APIRoute } from 'astro';
import { getSiteContent } from '../lib/content.ts';
import { outputResponse } from '../lib/outputs/respond.ts';
import { sitemapXml } from '../lib/outputs/sitemap.ts';
import { sitemapEntries } from '../lib/sitemap-entries.ts';

export const GET: APIRoute = async ({ url }) => {
  const content = await getSiteContent();
  return outputResponse(url, sitemapXml(sitemapEntries(content), content.baseUrl));
};
