import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContent } from '../../../lib/content.ts';
import { institutionCalendarNotices } from '../../../lib/feeds.ts';
import { calendar } from '../../../lib/outputs/ical.ts';

export const getStaticPaths = (async () =>
  (await getSiteContent()).institutions.map(({ slug }) => ({ params: { slug } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const content = await getSiteContent();
  const institution = content.institutionBySlug.get(params.slug ?? '');
  if (!institution) return new Response(null, { status: 404 });
  return new Response(calendar(institution.name, institutionCalendarNotices(content, institution.slug), content), {
    headers: { 'content-type': 'text/calendar; charset=utf-8' },
  });
};
