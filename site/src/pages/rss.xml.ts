import { DEFAULT_LOCALE } from '@tablica/shared';
import type { APIRoute } from 'astro';
import { rssResponse } from '../lib/feed-endpoint.ts';

export const GET: APIRoute = ({ url }) => rssResponse(url, { kind: 'site', locale: DEFAULT_LOCALE });
