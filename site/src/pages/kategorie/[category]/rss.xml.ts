import type { Category } from '@tablica/shared';
import type { APIRoute, GetStaticPaths } from 'astro';
import { categoryFeedPaths, rssResponse } from '../../../lib/feed-endpoint.ts';

export const getStaticPaths = (() => categoryFeedPaths('rss')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, url }) =>
  rssResponse(url, { kind: 'category', category: params.category as Category });
