import { markedTitle } from '@tablica/shared';
import type { APIRoute } from 'astro';
import { getSiteContent } from '../../lib/content.ts';
import { outputResponse } from '../../lib/outputs/respond.ts';
import { absoluteUrl } from '../../lib/routes.ts';
import { type ShortLink, shortLinkTargets } from '../../lib/short-links.ts';

/**
 * /k/index.json: every short address and the page it leads to. One route instead of one per
 * notice (a route per notice adds 10,000 routes to a build already over its time budget;
 * whole-build timings were too noisy to price them exactly): the build script writes each
 * /k/<code>.html from this list (scripts/short-link-pages.ts), and a web server can map the
 * addresses from it too.
 */
export const GET: APIRoute = async ({ url }) => {
  const content = await getSiteContent();
  const links: ShortLink[] = shortLinkTargets(content).flatMap(({ code, slug, locale, page }) => {
    const notice = content.versions.get(slug)?.[locale];
    return notice ? [{ code, locale, page, url: absoluteUrl(content.baseUrl, page), title: markedTitle(notice) }] : [];
  });
  return outputResponse(url, JSON.stringify(links));
};
