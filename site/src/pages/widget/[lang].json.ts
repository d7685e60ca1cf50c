import { LOCALES, type Locale } from '@tablica/shared';
import type { APIRoute, GetStaticPaths } from 'astro';
import { currentNotices, getSiteContent } from '../../lib/content.ts';
import { outputResponse } from '../../lib/outputs/respond.ts';
import { widgetData } from '../../lib/outputs/widget-data.ts';
import { routes } from '../../lib/routes.ts';

export const getStaticPaths = (() => LOCALES.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, url }) => {
  const content = await getSiteContent();
  const locale = params.lang as Locale;
  const data = widgetData(currentNotices(content, locale), {
    baseUrl: content.baseUrl,
    now: content.now,
    locale,
    listPath: routes.current(locale),
    title: content.settings.siteName,
  });
  return outputResponse(url, JSON.stringify(data));
};
