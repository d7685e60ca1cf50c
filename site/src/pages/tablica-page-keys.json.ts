import type { APIRoute } from 'astro';
import { getSiteContent } from '../lib/content.ts';
import { pageKeys } from '../lib/incremental/keyed-paths.ts';

/**
 * What the next incremental build compares with (lib/incremental). scripts/build.ts moves it to a
 * dot-file beside the build, which the servers do not serve.
 */
export const GET: APIRoute = async () => new Response(JSON.stringify(pageKeys(await getSiteContent())));
