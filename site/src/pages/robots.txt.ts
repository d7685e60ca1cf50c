import { LOCALES } from '@tablica/shared';
import type { APIRoute } from 'astro';
import { getSiteContent } from '../lib/content.ts';
import { outputPaths } from '../lib/outputs/manifest.ts';
import { outputResponse } from '../lib/outputs/respond.ts';
import { absoluteUrl } from '../lib/routes.ts';

export const GET: APIRoute = async ({ url }) => {
  const { baseUrl } = await getSiteContent();
  return outputResponse(
    url,
    `User-agent: *\nAllow: /\n${LOCALES.map((locale) => `Disallow: ${outputPaths.embed.site(locale)}\n`).join('')}\nSitemap: ${absoluteUrl(baseUrl, outputPaths.sitemap)}\n`,
  );
};
