import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContent } from '../../../lib/content.ts';
import { institutionCalendarEntries } from '../../../lib/feeds.ts';
import { institutionPath, withoutUnchanged } from '../../../lib/incremental/keyed-paths.ts';
import { calendar } from '../../../lib/outputs/ical.ts';
import { outputPaths } from '../../../lib/outputs/manifest.ts';
import { outputResponse } from '../../../lib/outputs/respond.ts';

export const getStaticPaths = (async () => {
  const content = await getSiteContent();
  return withoutUnchanged(content, content.institutions, ({ slug }) =>
    institutionPath(content, slug, outputPaths.institutionCalendar(slug)),
  ).map(({ slug }) => ({ params: { slug } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, url }) => {
  const content = await getSiteContent();
  const institution = content.institutionBySlug.get(params.slug ?? '');
  if (!institution) return new Response(null, { status: 404 });
  return outputResponse(
    url,
    calendar(institution.name, institutionCalendarEntries(content, institution.slug), content),
  );
};
