import { type Locale, TRANSLATION_LOCALES } from '@tablica/shared';
import type { APIRoute, GetStaticPaths } from 'astro';
import { jsonFeedResponse } from '../../lib/feed-endpoint.ts';

/** The default language's feed is at the root (rss.xml.ts); each translation's under its prefix. */
export const getStaticPaths = (() =>
  TRANSLATION_LOCALES.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, url }) =>
  jsonFeedResponse(url, { kind: 'site', locale: params.lang as Locale });
