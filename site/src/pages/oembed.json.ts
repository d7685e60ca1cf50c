import { DEFAULT_LOCALE } from '@tablica/shared';
import type { APIRoute } from 'astro';
import { getSiteContent } from '../lib/content.ts';
import { oembedAnswer } from '../lib/embed/embed-targets.ts';
import { outputResponse } from '../lib/outputs/respond.ts';

/** /oembed.json: the site's current notices, for pasting the home page's address into WordPress. */
export const GET: APIRoute = async ({ url }) =>
  outputResponse(url, JSON.stringify(oembedAnswer(await getSiteContent(), { kind: 'site' }, DEFAULT_LOCALE)));
