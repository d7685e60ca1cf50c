import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, LOCALE_REGISTRY, LOCALES } from '@tablica/shared';

/** Every language of the locale registry; its default is the CMS's default content language. */
export async function ensureLocales(strapi: Core.Strapi) {
  const locales = strapi.plugin('i18n').service('locales');
  const existing: { code: string }[] = await locales.find();
  for (const code of LOCALES) {
    if (!existing.some((item) => item.code === code))
      await locales.create({ code, name: LOCALE_REGISTRY[code].cmsName });
  }
  if ((await locales.getDefaultLocale()) !== DEFAULT_LOCALE) await locales.setDefaultLocale({ code: DEFAULT_LOCALE });
}
