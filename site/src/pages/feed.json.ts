import { DEFAULT_LOCALE } from '@tablica/shared';
import type { APIRoute } from 'astro';
import { jsonFeedResponse } from '../lib/feed-endpoint.ts';

export const GET: APIRoute = ({ url }) => jsonFeedResponse(url, { kind: 'site', locale: DEFAULT_LOCALE });
