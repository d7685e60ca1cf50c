import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContent } from '../../../lib/content.ts';
import { jsonFeedResponse } from '../../../lib/feed-endpoint.ts';

export const getStaticPaths = (async () =>
  (await getSiteContent()).institutions.map(({ slug }) => ({ params: { slug } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, url }) =>
  jsonFeedResponse(url, { kind: 'institution', slug: params.slug ?? '' });
