import type { APIRoute } from 'astro';
import { getSiteContent } from '../lib/content.ts';
import { absoluteUrl } from '../lib/routes.ts';

export const GET: APIRoute = async () => {
  const { baseUrl } = await getSiteContent();
  return new Response(
    `User-agent: *\nAllow: /\nDisallow: /embed/\n\nSitemap: ${absoluteUrl(baseUrl, '/sitemap.xml')}\n`,
    {
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    },
  );
};
