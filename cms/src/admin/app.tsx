import type { StrapiApp } from '@strapi/strapi/admin';
import { NoticeActionsPanel } from './notice-actions';
import { PublishedProblemsBanner, PublishedProblemsPanel } from './published-problems';

/** Where Strapi's admin keeps the interface language a browser chose. */
const ADMIN_LANGUAGE_KEY = 'strapi-admin-language';

/**
 * The admin panel speaks Polish to editors: Polish is offered first, and the few words of our
 * own (the welcome text) are translated. Field labels and descriptions are set per content type
 * at bootstrap (src/bootstrap/editor-layout.ts). 'pl' here is the admin's interface language
 * (EDITOR_LANGUAGE in @tablica/shared), not a content locale; the admin bundle does not import
 * the shared package, so it is written out.
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
  register() {
    // Strapi speaks English until someone picks a language (kept under this key), so the login
    // page of a new browser was English. Editors here speak Polish; a choice made in the profile
    // still wins. Runs before the admin reads the key to render.
    if (!window.localStorage.getItem(ADMIN_LANGUAGE_KEY)) window.localStorage.setItem(ADMIN_LANGUAGE_KEY, 'pl');
  },
  bootstrap(app: StrapiApp) {
    // Published notices that fail the rules are not updated on the site: the editor is told.
    const contentManager = app.getPlugin('content-manager') as unknown as {
      injectComponent: (view: string, zone: string, component: { name: string; Component: () => unknown }) => void;
      apis: { addEditViewSidePanel: (panels: unknown[]) => void };
    };
    contentManager.injectComponent('listView', 'actions', {
      name: 'tablica-published-problems',
      Component: PublishedProblemsBanner,
    });
    contentManager.apis.addEditViewSidePanel([PublishedProblemsPanel]);
    // Przedłuż and Odwołaj, one step each, for a published notice.
    contentManager.apis.addEditViewSidePanel([NoticeActionsPanel]);
  },
};
