import { CATEGORIES, type Category } from '@tablica/shared';
import type { APIRoute, GetStaticPaths } from 'astro';
import { rssResponse } from '../../../lib/feed-endpoint.ts';

export const getStaticPaths = (() => CATEGORIES.map((category) => ({ params: { category } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, url }) =>
  rssResponse(url, { kind: 'category', category: params.category as Category });
