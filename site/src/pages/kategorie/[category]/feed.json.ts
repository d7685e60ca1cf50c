import { CATEGORIES, type Category } from '@tablica/shared';
import type { APIRoute, GetStaticPaths } from 'astro';
import { jsonFeedResponse } from '../../../lib/feed-endpoint.ts';

export const getStaticPaths = (() => CATEGORIES.map((category) => ({ params: { category } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, url }) =>
  jsonFeedResponse(url, { kind: 'category', category: params.category as Category });
