import type { APIRoute, GetStaticPaths } from 'astro';
import { institutionFeedPaths, jsonFeedResponse } from '../../../lib/feed-endpoint.ts';

export const getStaticPaths = (() => institutionFeedPaths('json')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, url }) =>
  jsonFeedResponse(url, { kind: 'institution', slug: params.slug ?? '' });
