import type { StrapiApp } from '@strapi/strapi/admin';
import { CHOICE_LABELS } from './choice-labels';
import { ClearFixedErrorsPanel } from './clear-fixed-errors';
import { KeepRefusedInputPanel, watchRefusedSaves } from './keep-refused-input';
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
interface ListHeader {
  name: string;
  attribute?: { type?: string };
  cellFormatter?: (row: Record<string, unknown>) => string;
}

function labelChoiceColumns<T extends { displayedHeaders: ListHeader[] }>(table: T): T {
  return {
    ...table,
    displayedHeaders: table.displayedHeaders.map((header) =>
      header.attribute?.type === 'enumeration'
        ? {
            ...header,
            cellFormatter: (row: Record<string, unknown>) => {
              const value = row[header.name];
              return typeof value === 'string' ? (CHOICE_LABELS[value] ?? value) : '-';
            },
          }
        : header,
    ),
  };
}

export default {
  config: {
    locales: ['pl'],
    translations: {
      pl: {
        'Auth.form.welcome.title': 'Tablica — komunikaty',
        'Auth.form.welcome.subtitle': 'Zaloguj się, aby redagować komunikaty',
        'app.components.LeftMenu.navbrand.title': 'Tablica',
        'app.components.LeftMenu.navbrand.workplace': 'Redakcja komunikatów',
        // Left untranslated in Strapi's Polish.
        'search.placeholder': 'Szukaj',
        // The edit form's selects ask for a choice's label by its value.
        ...CHOICE_LABELS,
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
    // A save the CMS refuses must not wipe what the editor typed (keep-refused-input.tsx).
    watchRefusedSaves();
    // Strapi announces its "new Media Library" in English, with a link to its blog, until each
    // browser dismisses it; editors have no use for it. The key is Strapi's (MediaLibraryBanner:
    // the feature flag, then the project id /admin/init reports — false with telemetry off, as
    // here); the Chromium test notices when an upgrade changes it.
    for (const legacy of [false, true]) {
      window.localStorage.setItem(`STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_${legacy}:false`, 'true');
    }
  },
  bootstrap(app: StrapiApp) {
    // The list shows a choice's label ("Pilny", "Obowiązuje"), not its stored value.
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', labelChoiceColumns);
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
    // A save the CMS refuses does not wipe what the editor typed (Strapi reloads the entry).
    contentManager.apis.addEditViewSidePanel([KeepRefusedInputPanel]);
    // A message goes once its field is fixed; the other entries stop snapping shut.
    contentManager.apis.addEditViewSidePanel([ClearFixedErrorsPanel]);
  },
};
