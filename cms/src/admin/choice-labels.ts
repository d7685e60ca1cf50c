/**
 * Polish labels for every choice list (enumeration) the admin shows. Strapi stores and shows an
 * enumeration's raw values ("closure", "urgent", "limited-hours"); its select asks the admin's
 * translations for a label with the value as the id, and the list view shows the value as it is.
 * So these serve twice: as translations (the edit form's selects) and as the list's cell text
 * (app.tsx). The values stay English: they are the API and the shared model. The ids are global,
 * so a value used by several lists ("other", "info") has one label that fits each.
 * cms/test/choice-labels.test.ts checks that every value of every schema has one.
 */
export const CHOICE_LABELS: Record<string, string> = {
  // Notice: category
  closure: 'Zamknięcie',
  'service-change': 'Zmiana w działaniu',
  health: 'Zdrowie',
  safety: 'Bezpieczeństwo',
  event: 'Wydarzenie',
  other: 'Inne',
  // Notice: severity; advisory: tone
  info: 'Informacja',
  important: 'Ważny',
  urgent: 'Pilny',
  warning: 'Ostrzeżenie',
  // Notice: message status (CAP's status)
  actual: 'Prawdziwy komunikat',
  exercise: 'Ćwiczenia',
  test: 'Test techniczny',
  // Notice: phase (its values are Polish already; these add the diacritics)
  szkic: 'Szkic',
  zaplanowany: 'Zaplanowany',
  zapowiedziany: 'Zapowiedziany',
  obowiazuje: 'Obowiązuje',
  zakonczony: 'Zakończony',
  odwolany: 'Odwołany',
  // Suspension: mode
  closed: 'Zamknięta',
  'by-appointment': 'Tylko po umówieniu',
  'remote-only': 'Tylko zdalnie',
  'limited-hours': 'Skrócone godziny',
  open: 'Czynna bez zmian',
  // Channel: kind
  phone: 'Telefon',
  email: 'E-mail',
  epuap: 'Skrytka ePUAP',
  web: 'Strona internetowa',
  postal: 'Adres pocztowy',
  'in-person': 'Wizyta osobista',
  sms: 'SMS',
  // Institution: type
  'social-welfare': 'Pomoc społeczna',
  'city-hall': 'Urząd miasta lub gminy',
  healthcare: 'Ochrona zdrowia',
  education: 'Oświata',
  culture: 'Kultura',
  sport: 'Sport',
  utility: 'Wodociągi, energia, komunalne',
  transport: 'Komunikacja',
  emergency: 'Służby ratunkowe',
  // Site settings: default language
  pl: 'polski',
  en: 'angielski',
  uk: 'ukraiński',
  // Accessibility statement
  full: 'Zgodna',
  partial: 'Częściowo zgodna',
  none: 'Niezgodna',
  'self-assessment': 'Samoocena',
  external: 'Ocena zewnętrzna',
  // Webhook deliveries: state
  pending: 'Czeka na wysłanie',
  delivered: 'Dostarczono',
  failed: 'Nie dostarczono',
  // Widget defaults: theme
  auto: 'Jak w systemie czytelnika',
  light: 'Jasny',
  dark: 'Ciemny',
};
