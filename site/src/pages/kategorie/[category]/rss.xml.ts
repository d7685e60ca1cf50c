import { CATEGORIES, type Category } from '@tablica/shared';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContent } from '../../../lib/content.ts';
import { rssResponse } from '../../../lib/feed-endpoint.ts';
import { categoryPath, withoutUnchanged } from '../../../lib/incremental/keyed-paths.ts';
import { outputPaths } from '../../../lib/outputs/manifest.ts';

export const getStaticPaths = (async () => {
  const content = await getSiteContent();
  return withoutUnchanged(content, [...CATEGORIES], (category) =>
    categoryPath(content, category, outputPaths.categoryFeed(category).rss),
  ).map((category) => ({ params: { category } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, url }) =>
  rssResponse(url, { kind: 'category', category: params.category as Category });
