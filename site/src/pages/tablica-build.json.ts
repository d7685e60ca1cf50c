import type { APIRoute } from 'astro';
import { getSiteContent } from '../lib/content.ts';
import { buildManifest } from '../lib/outputs/build-manifest.ts';
import { outputResponse } from '../lib/outputs/respond.ts';

/** /tablica-build.json: the build's manifest, read by the publisher (site/publisher/). */
export const GET: APIRoute = async ({ url }) =>
  outputResponse(url, JSON.stringify(buildManifest(await getSiteContent())));
