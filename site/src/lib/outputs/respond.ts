import { contentTypeOf } from './manifest.ts';

/**
 * An endpoint's answer, typed as the outputs manifest types its path: `astro dev` then sends what
 * the static server sends for the built file.
 */
export const outputResponse = (url: URL, body: string | Uint8Array<ArrayBuffer>): Response =>
  new Response(body, { headers: { 'content-type': contentTypeOf(url.pathname) } });
