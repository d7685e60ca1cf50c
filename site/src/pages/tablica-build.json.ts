import type { APIRoute } from 'astro';
import { getSiteContent } from '../lib/content.ts';
import { buildManifest } from '../lib/outputs/build-manifest.ts';

/** /tablica-build.json: the build's manifest, read by the publisher (site/publisher/). */
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(buildManifest(await getSiteContent())), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
