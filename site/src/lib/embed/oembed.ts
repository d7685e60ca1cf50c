import { IFRAME_START_HEIGHT, oembedHtml } from './snippets.ts';

interface OembedInput {
  siteName: string;
  baseUrl: string;
  title: string;
  pageUrl: string;
  embedUrl: string;
}

/**
 * A static oEmbed 1.0 answer (type "rich"). Static files cannot honour maxwidth/maxheight; the
 * frame is fluid and reports its height, so the figures are only a starting size.
 */
export function oembedResponse({ siteName, baseUrl, title, pageUrl, embedUrl }: OembedInput) {
  return {
    version: '1.0',
    type: 'rich',
    provider_name: siteName,
    provider_url: baseUrl,
    title,
    html: oembedHtml({ pageUrl, embedUrl, title }),
    width: 600,
    height: IFRAME_START_HEIGHT,
    cache_age: 3600,
  };
}
