import { DEFAULT_LOCALE } from '@tablica/shared';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContent } from '../../../lib/content.ts';
import { embeddableSlugs } from '../../../lib/embed/embeddable.ts';
import { oembedResponse } from '../../../lib/embed/oembed.ts';
import { outputPaths } from '../../../lib/outputs/manifest.ts';
import { outputResponse } from '../../../lib/outputs/respond.ts';
import { absoluteUrl, routes } from '../../../lib/routes.ts';

/** /oembed/notice/<slug>.json: what WordPress and other oEmbed consumers embed for a notice. */
export const getStaticPaths = (async () => {
  const content = await getSiteContent();
  return [...embeddableSlugs(content)].flatMap((slug) => {
    const original = content.versions.get(slug)?.[DEFAULT_LOCALE];
    return original ? [{ params: { slug }, props: { title: original.title } }] : [];
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, props, url }) => {
  const { settings, baseUrl } = await getSiteContent();
  const slug = params.slug ?? '';
  const body = oembedResponse({
    siteName: settings.siteName,
    baseUrl,
    title: (props as { title: string }).title,
    pageUrl: absoluteUrl(baseUrl, routes.notice(slug, DEFAULT_LOCALE)),
    embedUrl: absoluteUrl(baseUrl, outputPaths.embed.notice(slug)),
  });
  return outputResponse(url, JSON.stringify(body));
};
