import type { Core } from '@strapi/strapi';

/**
 * What editors see in the admin panel: Polish labels and help texts for every field, the edit
 * form grouped the way a notice is written (what, who, when, what changes, how to reach us, what
 * to do), and list columns that answer "what is on and until when". Managed in code and applied
 * at every start, so every installation looks the same.
 */
type Labels = Record<string, [label: string, description?: string]>;
type Row = [field: string, size: number][];

export const NOTICE_LABELS: Labels = {
  title: ['Tytuł', 'Od 10 do 160 znaków. Powiedz wprost, co się zmienia, np. „Zamknięcie pływalni miejskiej”.'],
  slug: [
    'Adres (slug)',
    'Tworzony z tytułu. Po pierwszej publikacji nie można go zmienić — linkują do niego kanały RSS i widżety.',
  ],
  summary: [
    'Streszczenie',
    'Do 300 znaków, bez formatowania. Trafia do kanałów RSS, widżetów na stronach radia i opisu w wyszukiwarkach.',
  ],
  headline: ['Hasło na pasek', 'Do 30 znaków, do paska ostrzeżeń na stronach partnerów, np. „Brak wody: ul. Lipowa”.'],
  easyRead: [
    'Tekst łatwy do czytania (ETR)',
    'Opcjonalnie, do 2000 znaków: to samo krótkimi zdaniami i prostymi słowami, jedna myśl w zdaniu. Strona pokaże go pod nagłówkiem „Tekst łatwy do czytania”.',
  ],
  signLanguageVideo: [
    'Film w polskim języku migowym (PJM)',
    'Opcjonalnie: plik MP4 lub WebM (odtwarzany na stronie) albo link do filmu na kanale instytucji. Gdy podasz oba, strona pokaże plik.',
  ],
  institution: ['Instytucja', 'Kto wydaje komunikat.'],
  category: ['Kategoria'],
  severity: ['Waga', '„Pilny” pokazujemy na czerwonym pasku na górze strony i w widżetach.'],
  messageStatus: [
    'Rodzaj komunikatu',
    '„Ćwiczenia” lub „Test”: strona, widżety, kanały, CAP i teksty dla radia oznaczają go tak; mieszkańcy nie dostają e-maili ani powiadomień, a listy stawiają go po prawdziwych komunikatach.',
  ],
  effectiveFrom: ['Obowiązuje od (chwila)'],
  effectiveUntil: ['Obowiązuje do (chwila)'],
  effectiveFromDate: ['Obowiązuje od', 'Dzień, od którego komunikat obowiązuje.'],
  effectiveFromTime: ['Od godziny', 'Puste = od początku dnia.'],
  effectiveUntilDate: [
    'Obowiązuje do',
    'Ostatni dzień, włącznie: wybierz 25 marca dla „do 25 marca”. Puste = do odwołania.',
  ],
  effectiveUntilTime: ['Do godziny', 'Puste = do końca dnia. Wpisz, gdy kończy się w ciągu dnia, np. 16:00.'],
  liftedAt: [
    'Odwołano',
    'Wypełnij tylko, gdy instytucja odwołuje komunikat przed czasem: od tej chwili strona, kanały i kalendarze podają „odwołano”.',
  ],
  timeZone: ['Strefa czasowa', 'Zwykle Europe/Warsaw.'],
  suspensions: [
    'Zmiany w działaniu placówek',
    'Każda placówka osobno: zamknięta, tylko po umówieniu, tylko zdalnie lub w skróconych godzinach.',
  ],
  channels: [
    'Kanały kontaktu',
    'Telefony (numer wewnętrzny jako „wew. 123”), e-mail, skrytka ePUAP (/nazwa/skrytka), strony www.',
  ],
  proceduresHeading: ['Nagłówek procedur', 'Np. „Jak załatwić sprawę bez wizyty w urzędzie:”'],
  procedures: ['Procedury (kroki)', 'Numerowane kroki; krok może mieć podpunkty i zdanie po nich.'],
  advisories: ['Ostrzeżenia i wskazówki', 'Np. „Osoby z objawami choroby proszone są o pozostanie w domu.”'],
  body: ['Treść dodatkowa', 'Opcjonalnie. Bez wklejania HTML — formatowanie tylko przyciskami edytora.'],
  links: ['Odnośniki', 'Tylko pełne adresy https:// lub http://.'],
  attachments: ['Załączniki'],
  updates: [
    'Rejestr zmian',
    'Każda zmiana po publikacji: data i krótki opis, np. „Zamknięcie przedłużone do 10 kwietnia”.',
  ],
  changeNote: [
    'Co się zmieniło',
    'Przy zmianie opublikowanego komunikatu: jedno zdanie dla mieszkańców, np. „Zamknięcie przedłużone do 10 kwietnia”. Po publikacji trafia do rejestru zmian z datą publikacji.',
  ],
  significantChange: [
    'Istotna zmiana',
    'Tak: zmiana jest ogłaszana jako nowa wersja (kanały RSS, kalendarze, CAP). Nie: poprawka, np. literówki — strona pokaże poprawiony tekst, bez ogłaszania. Zmiana dat, odwołanie lub zmiana trybu placówki jest zawsze istotna.',
  ],
  scheduledPublishAt: [
    'Opublikuj automatycznie',
    'Dzień i godzina, o której ten szkic zostanie opublikowany we wszystkich językach (zapisz, nie publikuj). Na liście: „zaplanowany”.',
  ],
  scheduledLiftAt: [
    'Odwołaj automatycznie',
    'Dzień i godzina, o której komunikat zostanie odwołany, jak przyciskiem „Odwołaj teraz”. Gdy po prostu kończy się w terminie, wystarczy „Obowiązuje do”.',
  ],
  phase: ['Stan', 'Szkic, zaplanowany, zapowiedziany, obowiązuje, zakończony lub odwołany; ustawia system.'],
  source: ['Źródło', 'Gdzie komunikat ukazał się pierwotnie (np. radio, strona urzędu).'],
  supersedes: ['Zastępuje komunikat', 'Poprzedni komunikat w tej sprawie (w tym samym języku).'],
  area: ['Obszar', 'Opis i kody TERYT gmin (7 cyfr, np. 2464011 dla Częstochowy).'],
  preparedBy: ['Informację wytworzył(a)', 'Metryczka BIP: osoba lub komórka odpowiedzialna za treść.'],
  publishedBy: ['Informację opublikował(a)', 'Metryczka BIP.'],
  publications: ['Historia publikacji', 'Każda ogłoszona wersja z datą wysłania; prowadzi system (komunikaty CAP).'],
  revision: [
    'Wersja',
    'Rośnie o jeden przy każdej publikacji istotnej zmiany (kalendarze, komunikaty CAP, kanały RSS).',
  ],
};

export const NOTICE_EDIT: Row[] = [
  [['title', 12]],
  [['summary', 12]],
  [
    ['headline', 4],
    ['category', 4],
    ['severity', 4],
  ],
  [
    ['institution', 4],
    ['slug', 4],
    ['messageStatus', 4],
  ],
  [
    ['effectiveFromDate', 3],
    ['effectiveFromTime', 3],
    ['effectiveUntilDate', 3],
    ['effectiveUntilTime', 3],
  ],
  [
    ['timeZone', 4],
    ['liftedAt', 4],
  ],
  [
    ['scheduledPublishAt', 6],
    ['scheduledLiftAt', 6],
  ],
  [
    ['changeNote', 8],
    ['significantChange', 4],
  ],
  [['suspensions', 12]],
  [['channels', 12]],
  [['proceduresHeading', 12]],
  [['procedures', 12]],
  [['advisories', 12]],
  [['easyRead', 12]],
  [['signLanguageVideo', 12]],
  [['body', 12]],
  [['links', 12]],
  [['attachments', 12]],
  [['updates', 12]],
  [['source', 12]],
  [['area', 12]],
  [
    ['supersedes', 6],
    ['revision', 6],
  ],
  [
    ['preparedBy', 6],
    ['publishedBy', 6],
  ],
];

/**
 * Fields kept off the edit form, and why: the CMS computes them from what editors enter
 * (content/entered-period.ts), so showing them would offer a second, confusing way to set one thing.
 */
export const COMPUTED_FIELDS: Record<string, string> = {
  effectiveFrom: 'the instant of "Obowiązuje od" (day and optional time)',
  effectiveUntil: 'the (exclusive) instant of "Obowiązuje do" (day, inclusive, and optional time)',
  phase: 'where the notice stands (src/publishing/phase.ts): a list column and filter, kept by the scheduler',
  publications: 'each announced version, sent time and text (src/publishing/publication-history.ts), for CAP',
};

export const COMPONENT_LABELS: Record<string, Labels> = {
  'notice.channel': {
    kind: ['Rodzaj', 'Jak mieszkaniec się skontaktuje; od tego zależy, jak sprawdzamy i pokazujemy wartość.'],
    label: ['Etykieta', 'Np. „Sekretariat”, „Pogotowie wodociągowe”.'],
    value: [
      'Wartość',
      'Telefon: „34 370 82 00 wew. 123”; ePUAP: „/mopsczestochowa/urzad”; strona: pełny adres https://…',
    ],
    extension: ['Numer wewnętrzny'],
    hours: ['Godziny', 'Np. „pon.–pt. 7:30–15:30”.'],
    note: ['Uwaga'],
    preferred: ['Preferowany kanał', 'Wyróżniony na stronie i w widżetach.'],
  },
  'notice.suspension': {
    facility: ['Placówka'],
    mode: ['Tryb', 'Co się dzieje z placówką. „Czynna bez zmian” — gdy trzeba powiedzieć, że ta akurat działa.'],
    hours: ['Godziny', 'Wymagane przy skróconych godzinach; przy innym trybie np. godziny przyjęć po umówieniu.'],
    scope: ['Zakres i szczegóły'],
    from: ['Od dnia'],
    until: ['Do dnia (włącznie)'],
    untilFurtherNotice: ['Do odwołania'],
  },
  'notice.procedure-step': { text: ['Treść kroku'], items: ['Podpunkty'], note: ['Zdanie po podpunktach'] },
  'notice.procedure-item': { text: ['Podpunkt'] },
  'notice.advisory': { tone: ['Rodzaj', 'Informacja albo ostrzeżenie.'], title: ['Tytuł'], text: ['Treść'] },
  'notice.link': { label: ['Opis odnośnika'], url: ['Adres (https://…)'] },
  'notice.attachment': { label: ['Opis załącznika'], file: ['Plik'] },
  'notice.sign-language-video': {
    file: ['Plik wideo (MP4, WebM)'],
    link: ['albo link do filmu (https://…)', 'Np. film na kanale instytucji. Wypełnij jedno z dwóch pól.'],
  },
  'notice.update': { at: ['Data zmiany'], text: ['Opis zmiany'] },
  'notice.source': { name: ['Nazwa źródła'], url: ['Adres (https://…)'] },
  'notice.area': { description: ['Opis obszaru'], teryt: ['Kody TERYT', 'Siedmiocyfrowe, oddzielone przecinkami.'] },
  'institution.address': {
    street: ['Ulica i numer'],
    postalCode: ['Kod pocztowy', 'W postaci 42-200.'],
    city: ['Miejscowość'],
  },
  'institution.accessibility-contact': { name: ['Imię i nazwisko lub komórka'], channels: ['Kanały kontaktu'] },
  'site.accessibility-statement': {
    entityName: ['Nazwa podmiotu', 'Pełna nazwa podmiotu publicznego.'],
    siteUrl: ['Adres serwisu', 'Pełny adres https://…'],
    sitePublishedOn: ['Data publikacji serwisu'],
    siteUpdatedOn: ['Data ostatniej istotnej aktualizacji'],
    compliance: ['Stan zgodności', 'Z ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej.'],
    nonAccessibleContent: ['Treści niedostępne', 'Każda pozycja osobno, z powodem.'],
    exemptions: ['Wyłączenia', 'Treści, które nie muszą być dostępne, z podstawą prawną.'],
    preparedOn: ['Data sporządzenia deklaracji'],
    reviewedOn: ['Data ostatniego przeglądu deklaracji'],
    assessment: ['Sposób oceny'],
    assessedBy: ['Kto ocenił', 'Tylko przy ocenie zewnętrznej: nazwa podmiotu.'],
    keyboardShortcuts: ['Skróty klawiaturowe'],
    contactName: ['Osoba do kontaktu'],
    contactEmail: ['E-mail do kontaktu'],
    contactPhone: ['Telefon do kontaktu'],
    architecturalAccessibility: [
      'Dostępność architektoniczna',
      'Opis dostępności budynków: wejścia, windy, toalety, pętle indukcyjne.',
    ],
    mobileApps: ['Aplikacje mobilne'],
    signLanguage: ['Tłumacz języka migowego', 'Jak skorzystać z tłumacza PJM, SJM lub SKOGN.'],
  },
  'site.statement-item': { text: ['Treść'] },
  'site.widget-defaults': {
    limit: ['Liczba komunikatów', 'Ile komunikatów pokazuje widżet, gdy strona partnera nie poda innej liczby.'],
    theme: ['Wygląd'],
  },
};

export const INSTITUTION_LABELS: Labels = {
  name: ['Nazwa', 'Pełna nazwa, np. „Miejski Ośrodek Pomocy Społecznej w Częstochowie”.'],
  slug: ['Adres (slug)', 'Tworzony z nazwy; część adresu strony instytucji.'],
  shortName: ['Skrót', 'Do 40 znaków, np. „MOPS”. Widoczny w widżetach i na liście komunikatów.'],
  type: ['Rodzaj instytucji'],
  description: ['Opis', 'Do 1000 znaków: czym się zajmuje, dla kogo.'],
  address: ['Adres siedziby'],
  website: ['Strona internetowa', 'Pełny adres https://…'],
  channels: ['Kanały kontaktu', 'Stałe kanały instytucji; komunikat może podać własne.'],
  logo: ['Logo', 'Plik SVG lub PNG; pokazujemy je przy komunikatach.'],
  area: ['Obszar działania', 'Opis i kody TERYT gmin (7 cyfr).'],
  accessibilityContact: ['Kontakt w sprawie dostępności', 'Osoba i kanały, do których kierujemy prośby o dostępność.'],
  notices: ['Komunikaty'],
};

export const SITE_SETTINGS_LABELS: Labels = {
  siteName: ['Nazwa serwisu', 'Do 80 znaków; w nagłówku każdej strony i w kanałach RSS.'],
  tagline: ['Podtytuł', 'Do 160 znaków, pod nazwą serwisu.'],
  baseUrl: [
    'Adres serwisu',
    'Pełny adres, pod którym mieszkańcy czytają komunikaty, np. https://komunikaty.czestochowa.pl',
  ],
  defaultLocale: ['Język domyślny', 'Język strony głównej.'],
  publisherName: ['Wydawca', 'Nazwa instytucji prowadzącej serwis; w kanałach i komunikatach CAP.'],
  accessibilityStatement: [
    'Deklaracja dostępności',
    'Wymagana ustawą o dostępności cyfrowej; strona /deklaracja-dostepnosci.',
  ],
  footerChannels: ['Kontakt w stopce'],
  widget: ['Widżet dla stron partnerów', 'Ustawienia domyślne widżetu osadzanego na stronach radia i portali.'],
};

/** The part of the content manager's content-types and components services used here. */
interface ConfigurationService {
  findConfiguration: (model: unknown) => Promise<Record<string, unknown>>;
  updateConfiguration: (model: unknown, configuration: unknown) => Promise<unknown>;
}

async function applyLabels(
  service: ConfigurationService,
  model: unknown,
  labels: Labels,
  layouts: { edit?: Row[]; list?: string[] } = {},
  settings: Record<string, unknown> = {},
) {
  const current = (await service.findConfiguration(model)) as {
    settings: Record<string, unknown>;
    metadatas: Record<string, { edit: Record<string, unknown>; list: Record<string, unknown> }>;
    layouts: Record<string, unknown>;
  };
  const metadatas = { ...current.metadatas };
  for (const [field, [label, description = '']] of Object.entries(labels)) {
    const meta = metadatas[field];
    if (!meta) continue;
    metadatas[field] = {
      edit: { ...meta.edit, label, description, ...(field === 'revision' ? { editable: false } : {}) },
      list: { ...meta.list, label },
    };
  }
  await service.updateConfiguration(model, {
    settings: { ...current.settings, ...settings },
    metadatas,
    layouts: {
      ...current.layouts,
      ...(layouts.list ? { list: layouts.list } : {}),
      ...(layouts.edit ? { edit: layouts.edit.map((row) => row.map(([name, size]) => ({ name, size }))) } : {}),
    },
  });
}

const WEBHOOK_LABELS: Labels = {
  name: ['Redakcja', 'Kto odbiera, np. „Radio Brzozów — serwis informacyjny”.'],
  url: [
    'Adres',
    'Adres podany przez redakcję, zaczynający się od https://. Każda istotna zmiana komunikatu trafi tam jako podpisany JSON.',
  ],
  secret: [
    'Sekret',
    'Tworzony sam przy zapisie (whsec_…). Przekaż go redakcji: sprawdza nim podpis każdej wiadomości (standard Standard Webhooks).',
  ],
  enabled: ['Włączony', 'Wyłączony webhook nic nie dostaje; wiadomości czekające na wysłanie przepadają.'],
  institution: ['Tylko komunikaty instytucji', 'Puste = komunikaty wszystkich instytucji.'],
};

const DELIVERY_LABELS: Labels = {
  webhook: ['Webhook redakcji'],
  eventId: ['Identyfikator wiadomości', 'webhook-id: ten sam przy każdej ponownej próbie.'],
  eventType: ['Rodzaj zmiany'],
  notice: ['Komunikat i wersja'],
  payload: ['Treść wysłana'],
  state: ['Stan'],
  attempts: ['Liczba prób'],
  nextAttemptAt: ['Następna próba'],
  lastAttemptAt: ['Ostatnia próba'],
  lastResult: ['Wynik ostatniej próby', 'Np. „HTTP 204” (dostarczono), „HTTP 500”, „timeout after 10 s”.'],
  deliveredAt: ['Dostarczono'],
};

export async function applyEditorLayout(strapi: Core.Strapi) {
  const contentManager = strapi.plugin('content-manager');
  const contentTypes = contentManager.service('content-types') as unknown as ConfigurationService;
  const components = contentManager.service('components') as unknown as ConfigurationService;
  await applyLabels(
    contentTypes,
    strapi.contentType('api::notice.notice'),
    NOTICE_LABELS,
    // The list shows where each notice stands (filterable) and the last day as residents read it
    // ("do 25 marca"), not the exclusive instant.
    { edit: NOTICE_EDIT, list: ['title', 'institution', 'phase', 'severity', 'effectiveUntilDate'] },
    // The newest notices first: what an editor came to change is almost always recent.
    { mainField: 'title', defaultSortBy: 'effectiveFrom', defaultSortOrder: 'DESC' },
  );
  await applyLabels(
    contentTypes,
    strapi.contentType('api::institution.institution'),
    INSTITUTION_LABELS,
    {},
    {
      mainField: 'name',
    },
  );
  await applyLabels(contentTypes, strapi.contentType('api::site-setting.site-setting'), SITE_SETTINGS_LABELS);
  await applyLabels(
    contentTypes,
    strapi.contentType('api::newsroom-webhook.newsroom-webhook'),
    WEBHOOK_LABELS,
    { list: ['name', 'url', 'enabled', 'institution'] },
    { mainField: 'name' },
  );
  await applyLabels(
    contentTypes,
    strapi.contentType('api::webhook-delivery.webhook-delivery'),
    DELIVERY_LABELS,
    { list: ['notice', 'webhook', 'state', 'lastResult', 'lastAttemptAt'] },
    { mainField: 'eventId', defaultSortBy: 'createdAt', defaultSortOrder: 'DESC' },
  );
  for (const [uid, labels] of Object.entries(COMPONENT_LABELS)) {
    await applyLabels(components, strapi.components[uid as keyof typeof strapi.components], labels);
  }
}
