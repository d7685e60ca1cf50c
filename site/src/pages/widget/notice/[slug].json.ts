import { DEFAULT_LOCALE, isStillNews, LOCALES, type Locale, type Notice } from '@tablica/shared';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteContent } from '../../../lib/content.ts';
import { withdrawalOf } from '../../../lib/forms-source.ts';
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
  // A threat that is over says its warning is withdrawn (the archive's old notices keep their summary).
  const withdrawals = new Map<Notice, string>();
  for (const version of versions) {
    const withdrawal = isStillNews(version, content.now) ? withdrawalOf(content, version) : undefined;
    if (withdrawal) withdrawals.set(version, withdrawal.lead);
  }
  const data = singleNoticeWidgetData(versions, {
    withdrawals,
    baseUrl: content.baseUrl,
    now: content.now,
    locale: DEFAULT_LOCALE,
    listPath: routes.current(DEFAULT_LOCALE),
    title: content.settings.siteName,
  });
  return outputResponse(url, JSON.stringify(data));
};
