import type { APIRoute, GetStaticPaths } from 'astro';
import { jsonFeedResponse } from '../../lib/feed-endpoint.ts';

export const getStaticPaths = (() => [{ params: { lang: 'en' } }, { params: { lang: 'uk' } }]) satisfies GetStaticPaths;

export const GET: APIRoute = ({ url }) => jsonFeedResponse(url.pathname);
