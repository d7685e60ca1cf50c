import { type Locale, TRANSLATION_LOCALES } from '@tablica/shared';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContent } from '../../lib/content.ts';
import { oembedAnswer } from '../../lib/embed/embed-targets.ts';
import { outputResponse } from '../../lib/outputs/respond.ts';

/** /en/oembed.json, /uk/oembed.json: the site's current notices in that language. */
export const getStaticPaths = (() =>
  TRANSLATION_LOCALES.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, url }) =>
  outputResponse(url, JSON.stringify(oembedAnswer(await getSiteContent(), { kind: 'site' }, params.lang as Locale)));
