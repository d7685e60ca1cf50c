import { DEFAULT_LOCALE } from '@tablica/shared';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContent } from '../../lib/content.ts';
import { noticeCalendar } from '../../lib/outputs/ical.ts';

export const getStaticPaths = (async () => {
  const content = await getSiteContent();
  return content.slugs.map((slug) => ({ params: { slug } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const content = await getSiteContent();
  const notice = content.versions.get(params.slug ?? '')?.[DEFAULT_LOCALE];
  if (!notice) return new Response(null, { status: 404 });
  return new Response(noticeCalendar(notice, { baseUrl: content.baseUrl }), {
    headers: { 'content-type': 'text/calendar; charset=utf-8' },
  });
};
