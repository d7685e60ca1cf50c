import type { APIRoute } from 'astro';
import { getSiteContent } from '../../lib/content.ts';
import { capMessageNotices } from '../../lib/feeds.ts';
import { capIndexAtom } from '../../lib/outputs/cap-index.ts';

export const GET: APIRoute = async () => {
  const content = await getSiteContent();
  const atom = capIndexAtom(capMessageNotices(content), {
    baseUrl: content.baseUrl,
    title: `${content.settings.siteName} — CAP`,
  });
  return new Response(atom, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
