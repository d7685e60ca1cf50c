import type { APIRoute } from 'astro';
import { currentCapMessages } from '../../lib/cap-messages.ts';
import { getSiteContent } from '../../lib/content.ts';
import { capIndexAtom } from '../../lib/outputs/cap-index.ts';
import { outputResponse } from '../../lib/outputs/respond.ts';

export const GET: APIRoute = async ({ url }) => {
  const content = await getSiteContent();
  const atom = capIndexAtom(currentCapMessages(content), {
    baseUrl: content.baseUrl,
    title: `${content.settings.siteName} — CAP`,
    hubs: content.websubHubs,
  });
  return outputResponse(url, atom);
};
