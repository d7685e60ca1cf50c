import type { APIRoute } from 'astro';
import { getSiteContent } from '../../lib/content.ts';
import { renderCard } from '../../lib/outputs/card-image.ts';
import { outputResponse } from '../../lib/outputs/respond.ts';

/** /og/site.png: the site's link preview image. */
export const GET: APIRoute = async ({ url }) => {
  const { settings } = await getSiteContent();
  const png = renderCard({ title: settings.siteName, kicker: settings.tagline ?? settings.publisherName });
  return outputResponse(url, new Uint8Array(png));
};
