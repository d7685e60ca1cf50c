import { TRANSLATION_LOCALES } from '@tablica/shared';
import type { GetStaticPaths } from 'astro';
import { broadcastTextEndpoint, broadcastTextPaths } from '../../../../lib/broadcast-endpoint.ts';

/** Each translation's radio scripts and SMS texts, under its prefix (/en/newsroom/…). */
export const getStaticPaths = (() => broadcastTextPaths(TRANSLATION_LOCALES)) satisfies GetStaticPaths;

export const GET = broadcastTextEndpoint;
