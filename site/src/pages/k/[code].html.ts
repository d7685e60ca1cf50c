import { type Locale, markedTitle } from '@tablica/shared';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContent } from '../../lib/content.ts';
import { escapeMarkup } from '../../lib/outputs/escape.ts';
import { outputResponse } from '../../lib/outputs/respond.ts';
import { absoluteUrl } from '../../lib/routes.ts';
import { shortLinkTargets } from '../../lib/short-links.ts';

/**
 * /k/<code>: a notice's short address from an SMS, for every notice (ended ones too: an old SMS
 * still leads somewhere). The static server answers /k/<code> with this file; it sends the
 * reader on at once, and shows the link for a browser that does not follow.
 */
export const getStaticPaths = (async () => {
  const content = await getSiteContent();
  return shortLinkTargets(content).map(({ code, slug, locale, page }) => ({
    params: { code },
    props: { slug, locale, page },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props, url }) => {
  const content = await getSiteContent();
  const { slug, locale, page } = props as { slug: string; locale: Locale; page: string };
  const notice = content.versions.get(slug)?.[locale];
  if (!notice) return new Response(null, { status: 404 });
  const title = escapeMarkup(markedTitle(notice));
  const target = escapeMarkup(page);
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><meta http-equiv="refresh" content="0; url=${target}"><link rel="canonical" href="${escapeMarkup(absoluteUrl(content.baseUrl, page))}"><title>${title}</title></head><body><main><h1><a href="${target}">${title}</a></h1></main></body></html>\n`;
  return outputResponse(url, html);
};
