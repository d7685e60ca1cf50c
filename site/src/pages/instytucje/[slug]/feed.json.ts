import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContent } from '../../../lib/content.ts';
import { jsonFeedResponse } from '../../../lib/feed-endpoint.ts';
import { institutionPath, withoutUnchanged } from '../../../lib/incremental/keyed-paths.ts';
import { outputPaths } from '../../../lib/outputs/manifest.ts';

export const getStaticPaths = (async () => {
  const content = await getSiteContent();
  return withoutUnchanged(content, content.institutions, ({ slug }) =>
    institutionPath(content, slug, outputPaths.institutionFeed(slug).json),
  ).map(({ slug }) => ({ params: { slug } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, url }) =>
  jsonFeedResponse(url, { kind: 'institution', slug: params.slug ?? '' });
