import type { StrapiApp } from '@strapi/strapi/admin';

/**
 * The admin panel speaks Polish to editors: Polish is offered first, and the few words of our
 * own (the welcome text) are translated. Field labels and descriptions are set per content type
 * at bootstrap (src/bootstrap/editor-layout.ts).
 */
export default {
  config: {
    locales: ['pl'],
    translations: {
      pl: {
        'Auth.form.welcome.title': 'Tablica — komunikaty',
        'Auth.form.welcome.subtitle': 'Zaloguj się, aby redagować komunikaty',
        'app.components.LeftMenu.navbrand.title': 'Tablica',
        'app.components.LeftMenu.navbrand.workplace': 'Redakcja komunikatów',
      },
    },
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(_app: StrapiApp) {},
};
