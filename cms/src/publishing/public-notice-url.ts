import type { Core } from '@strapi/strapi';
import { isLocale, noticePath } from '@tablica/shared';

/**
 * The address residents read a published notice at, for the edit view's "Zobacz w serwisie":
 * the site's public URL (SITE_PUBLIC_URL, which `npm start` sets to the local site, else the
 * site settings' base URL) and the notice's path. Null while that language is not published —
 * there is nothing to see yet.
 */
export async function publicNoticeUrl(strapi: Core.Strapi, documentId: string, locale: unknown) {
  const language = isLocale(locale) ? locale : 'pl';
  const published = await strapi.db.query('api::notice.notice').findOne({
    where: { documentId, locale: language, publishedAt: { $notNull: true } },
    select: ['slug'],
  });
  if (!published?.slug) return null;
  const settings = await strapi.db.query('api::site-setting.site-setting').findOne({ select: ['baseUrl'] });
  const base = strapi.config.get<string>('tablica.sitePublicUrl', '') || settings?.baseUrl;
  if (typeof base !== 'string' || !/^https?:\/\//.test(base)) return null;
  return `${base.replace(/\/+$/, '')}${noticePath(published.slug, language)}`;
}
