import { DEFAULT_LOCALE, LOCALES, type Locale, type Notice } from '@tablica/shared';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContent } from '../../../lib/content.ts';
import { outputResponse } from '../../../lib/outputs/respond.ts';
import { singleNoticeWidgetData } from '../../../lib/outputs/widget-data.ts';
import { routes } from '../../../lib/routes.ts';

/** /widget/notice/<slug>.json: one notice in all its languages, for the single-notice widget. */
export const getStaticPaths = (async () => {
  const content = await getSiteContent();
  // Every notice, ended ones too: a page that embedded one keeps showing it, marked as ended.
  return content.slugs.map((slug) => ({ params: { slug } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, url }) => {
  const content = await getSiteContent();
  const byLocale = content.versions.get(params.slug ?? '');
  if (!byLocale) return new Response(null, { status: 404 });
  // The original first: the widget falls back to it when the reader's language is missing.
  const order: Locale[] = [DEFAULT_LOCALE, ...LOCALES.filter((locale) => locale !== DEFAULT_LOCALE)];
  const versions = order.flatMap((locale): Notice[] => {
    const version = byLocale[locale];
    return version ? [version] : [];
  });
  const data = singleNoticeWidgetData(versions, {
    baseUrl: content.baseUrl,
    now: content.now,
    locale: DEFAULT_LOCALE,
    listPath: routes.current(DEFAULT_LOCALE),
    title: content.settings.siteName,
  });
  return outputResponse(url, JSON.stringify(data));
};
