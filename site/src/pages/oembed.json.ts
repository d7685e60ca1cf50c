import { DEFAULT_LOCALE } from '@tablica/shared';
import type { APIRoute } from 'astro';
import { getSiteContent } from '../lib/content.ts';
import { oembedResponse } from '../lib/embed/oembed.ts';
import { outputPaths } from '../lib/outputs/manifest.ts';
import { outputResponse } from '../lib/outputs/respond.ts';
import { absoluteUrl, routes } from '../lib/routes.ts';

/** /oembed.json: the site's current notices, for pasting the home page's address into WordPress. */
export const GET: APIRoute = async ({ url }) => {
  const { settings, baseUrl } = await getSiteContent();
  const body = oembedResponse({
    siteName: settings.siteName,
    baseUrl,
    title: settings.siteName,
    pageUrl: absoluteUrl(baseUrl, routes.home(DEFAULT_LOCALE)),
    embedUrl: absoluteUrl(baseUrl, outputPaths.embed.site),
  });
  return outputResponse(url, JSON.stringify(body));
};
