import { LOCALES, type Locale } from '@tablica/shared';
import type { APIRoute, GetStaticPaths } from 'astro';
import { currentNotices, getSiteContent } from '../../../lib/content.ts';
import { outputResponse } from '../../../lib/outputs/respond.ts';
import { widgetData } from '../../../lib/outputs/widget-data.ts';
import { routes } from '../../../lib/routes.ts';

export const getStaticPaths = (async () => {
  const content = await getSiteContent();
  return content.institutions.flatMap(({ slug }) => LOCALES.map((lang) => ({ params: { institution: slug, lang } })));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, url }) => {
  const content = await getSiteContent();
  const locale = params.lang as Locale;
  const institution = content.institutionBySlug.get(params.institution ?? '');
  if (!institution) return new Response(null, { status: 404 });
  const data = widgetData(
    currentNotices(content, locale).filter((item) => item.notice.institution === institution.slug),
    {
      baseUrl: content.baseUrl,
      now: content.now,
      locale,
      listPath: routes.institution(institution.slug, locale),
      title: institution.name,
    },
  );
  return outputResponse(url, JSON.stringify(data));
};
