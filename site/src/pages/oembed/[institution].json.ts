import { DEFAULT_LOCALE } from '@tablica/shared';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContent } from '../../lib/content.ts';
import { oembedResponse } from '../../lib/embed/oembed.ts';
import { outputPaths } from '../../lib/outputs/manifest.ts';
import { outputResponse } from '../../lib/outputs/respond.ts';
import { absoluteUrl, routes } from '../../lib/routes.ts';

/** /oembed/<institution>.json: an institution's current notices, for oEmbed consumers. */
export const getStaticPaths = (async () => {
  const content = await getSiteContent();
  return content.institutions.map(({ slug, name }) => ({ params: { institution: slug }, props: { name } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, props, url }) => {
  const { settings, baseUrl } = await getSiteContent();
  const slug = params.institution ?? '';
  const body = oembedResponse({
    siteName: settings.siteName,
    baseUrl,
    title: (props as { name: string }).name,
    pageUrl: absoluteUrl(baseUrl, routes.institution(slug, DEFAULT_LOCALE)),
    embedUrl: absoluteUrl(baseUrl, outputPaths.embed.institution(slug)),
  });
  return outputResponse(url, JSON.stringify(body));
};
