import { DEFAULT_LOCALE } from '@tablica/shared';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContent } from '../../lib/content.ts';
import { replacementOf } from '../../lib/feeds.ts';
import { noticesToList, withoutUnchanged } from '../../lib/incremental/keyed-paths.ts';
import { noticeCalendar } from '../../lib/outputs/ical.ts';
import { outputPaths } from '../../lib/outputs/manifest.ts';
import { outputResponse } from '../../lib/outputs/respond.ts';

export const getStaticPaths = (async () => {
  const content = await getSiteContent();
  return withoutUnchanged(content, noticesToList(content), (slug) => ({
    part: slug,
    path: outputPaths.noticeCalendar(slug),
  })).map((slug) => ({ params: { slug } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, url }) => {
  const content = await getSiteContent();
  const notice = content.versions.get(params.slug ?? '')?.[DEFAULT_LOCALE];
  if (!notice) return new Response(null, { status: 404 });
  return outputResponse(url, noticeCalendar({ notice, replacement: replacementOf(content, notice.slug) }, content));
};
