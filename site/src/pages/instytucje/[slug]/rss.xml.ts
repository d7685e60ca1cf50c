import type { APIRoute, GetStaticPaths } from 'astro';
import { institutionFeedPaths, rssResponse } from '../../../lib/feed-endpoint.ts';

export const getStaticPaths = (() => institutionFeedPaths('rss')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, url }) => rssResponse(url, { kind: 'institution', slug: params.slug ?? '' });
