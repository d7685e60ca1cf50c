import type { Core } from '@strapi/strapi';

const LOCALES = [
  { code: 'pl', name: 'Polski (pl)' },
  { code: 'en', name: 'English (en)' },
  { code: 'uk', name: 'Українська (uk)' },
];

/** Polish is the default content language; English and Ukrainian are translations. */
export async function ensureLocales(strapi: Core.Strapi) {
  const locales = strapi.plugin('i18n').service('locales');
  const existing: { code: string }[] = await locales.find();
  for (const locale of LOCALES) {
    if (!existing.some((item) => item.code === locale.code)) await locales.create(locale);
  }
  if ((await locales.getDefaultLocale()) !== 'pl') await locales.setDefaultLocale({ code: 'pl' });
}
