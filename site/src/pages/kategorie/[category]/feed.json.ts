import type { Category } from '@tablica/shared';
import type { APIRoute, GetStaticPaths } from 'astro';
import { categoryFeedPaths, jsonFeedResponse } from '../../../lib/feed-endpoint.ts';

export const getStaticPaths = (() => categoryFeedPaths('json')) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, url }) =>
  jsonFeedResponse(url, { kind: 'category', category: params.category as Category });
