import { DEFAULT_LOCALE } from '@tablica/shared';
import type { GetStaticPaths } from 'astro';
import { broadcastTextEndpoint, broadcastTextPaths } from '../../../lib/broadcast-endpoint.ts';

/** The default language's radio scripts and SMS texts (routes.newsroom: /dla-mediow/). */
export const getStaticPaths = (async () =>
  (await broadcastTextPaths([DEFAULT_LOCALE])).map(({ params: { slug, form }, props }) => ({
    params: { slug, form },
    props,
  }))) satisfies GetStaticPaths;

export const GET = broadcastTextEndpoint;
