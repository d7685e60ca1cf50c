import type { APIRoute, GetStaticPaths } from 'astro';
import { rssResponse } from '../../lib/feed-endpoint.ts';

export const getStaticPaths = (() => [{ params: { lang: 'en' } }, { params: { lang: 'uk' } }]) satisfies GetStaticPaths;

export const GET: APIRoute = ({ url }) => rssResponse(url.pathname);
