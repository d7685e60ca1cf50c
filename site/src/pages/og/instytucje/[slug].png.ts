import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContent } from '../../../lib/content.ts';
import { sitePath, withoutUnchanged } from '../../../lib/incremental/keyed-paths.ts';
import { renderCard } from '../../../lib/outputs/card-image.ts';
import { outputPaths } from '../../../lib/outputs/manifest.ts';
import { outputResponse } from '../../../lib/outputs/respond.ts';

/** /og/instytucje/<slug>.png: an institution's link preview image, for its page and its notices. */
export const getStaticPaths = (async () => {
  const content = await getSiteContent();
  return withoutUnchanged(content, content.institutions, ({ slug }) =>
    sitePath(`card:${slug}`, outputPaths.card(slug)),
  ).map((institution) => ({ params: { slug: institution.slug }, props: { name: institution.name } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, url }) => {
  const { settings } = await getSiteContent();
  const png = renderCard({ title: (props as { name: string }).name, kicker: settings.siteName });
  return outputResponse(url, new Uint8Array(png));
};
