import { CATEGORIES, type Category } from '@tablica/shared';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContent } from '../../../lib/content.ts';
import { jsonFeedResponse } from '../../../lib/feed-endpoint.ts';
import { categoryPath, withoutUnchanged } from '../../../lib/incremental/keyed-paths.ts';
import { outputPaths } from '../../../lib/outputs/manifest.ts';

export const getStaticPaths = (async () => {
  const content = await getSiteContent();
  return withoutUnchanged(content, [...CATEGORIES], (category) =>
    categoryPath(content, category, outputPaths.categoryFeed(category).json),
  ).map((category) => ({ params: { category } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, url }) =>
  jsonFeedResponse(url, { kind: 'category', category: params.category as Category });
