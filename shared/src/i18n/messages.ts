/**
 * Messages for Tablica's own rules, written for the editor who must fix the field: what is
 * wrong and what to do. Polish is the editors' language; English on request.
 */
export const MESSAGE_LANGUAGES = ['pl', 'en'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];
/** The language the admin panel speaks to editors (its refusals, warnings and its own interface). */
export const EDITOR_LANGUAGE = 'pl' satisfies MessageLanguage;

type Params = Record<string, unknown>;
type Message = string | ((params: Params) => string);

export const RULE_MESSAGES: Record<string, Record<MessageLanguage, Message>> = {
  'malformed-text': {
    pl: 'Tekst zawiera uszkodzone znaki. Wpisz go ponownie zamiast wklejać.',
    en: 'The text contains broken characters. Type it again instead of pasting it.',
  },
  'control-characters': {
    pl: 'Tekst zawiera niewidoczne znaki sterujące (np. z wklejonego dokumentu). Usuń je, wpisując tekst ponownie.',
    en: 'The text contains invisible control characters (often from a pasted document). Remove them by retyping the text.',
  },
  'single-line': {
    pl: 'To pole musi mieścić się w jednym wierszu. Usuń znaki nowej linii i tabulatory.',
    en: 'This field must fit on one line. Remove line breaks and tabs.',
  },
  'bidi-controls': {
    pl: 'Tekst zawiera znaki zmieniające kierunek pisma, które mogą ukryć jego prawdziwą treść. Usuń je.',
    en: 'The text contains direction-override characters that can disguise what it says. Remove them.',
  },
  slug: {
    pl: 'Adres (slug) może zawierać tylko małe litery a–z, cyfry i pojedyncze myślniki, np. „zamkniecie-basenu”.',
    en: 'The slug may contain only lowercase letters a–z, digits and single hyphens, e.g. "pool-closure".',
  },
  'http-url': {
    pl: 'Podaj pełny adres strony zaczynający się od https:// lub http://, np. https://mops.czestochowa.pl.',
    en: 'Enter a full web address starting with https:// or http://, e.g. https://example.org.',
  },
  'channel-phone': {
    pl: 'Numer telefonu jest nieprawidłowy. Wpisz numer w postaci „34 370 82 00” lub „+48 34 370 82 00”, albo numer skrócony, np. „994” lub „19115”; numer wewnętrzny dopisz jako „wew. 123”.',
    en: 'The phone number is not valid. Enter it as "34 370 82 00" or "+48 34 370 82 00", or a short number such as "994" or "19115"; add an extension as "ext. 123".',
  },
  'channel-sms': {
    pl: 'Numer do SMS-ów jest nieprawidłowy. Wpisz pełny numer telefonu komórkowego, np. „600 100 200”.',
    en: 'The SMS number is not valid. Enter a full mobile number, e.g. "+48 600 100 200".',
  },
  'channel-email': {
    pl: 'Adres e-mail jest nieprawidłowy. Wpisz go w postaci nazwa@domena.pl.',
    en: 'The e-mail address is not valid. Enter it as name@domain.org.',
  },
  'channel-epuap': {
    pl: 'Adres skrytki ePUAP jest nieprawidłowy. Wpisz go w postaci /nazwa-urzedu/skrytka, np. /mopsczestochowa/urzad.',
    en: 'The ePUAP inbox address is not valid. Enter it as /office-id/inbox, e.g. /mopsczestochowa/urzad.',
  },
  extension: {
    pl: 'Numer wewnętrzny może zawierać tylko cyfry (do 6).',
    en: 'The extension may contain digits only (up to 6).',
  },
  'local-date': {
    pl: 'Podaj datę w postaci RRRR-MM-DD, np. 2020-03-25.',
    en: 'Enter a date as YYYY-MM-DD, e.g. 2020-03-25.',
  },
  instant: {
    pl: 'Podaj datę i godzinę ze strefą czasową, np. 2020-03-16T08:00:00+01:00.',
    en: 'Enter a date and time with its time zone, e.g. 2020-03-16T08:00:00+01:00.',
  },
  'until-format': {
    pl: 'Podaj dzień (RRRR-MM-DD — komunikat obowiązuje do końca tego dnia) albo datę z godziną.',
    en: 'Enter a day (YYYY-MM-DD — valid until the end of that day) or a date with a time.',
  },
  'until-before-from': {
    pl: 'Data końcowa musi być późniejsza niż data początkowa. Popraw jedną z nich.',
    en: 'The end date must be later than the start date. Correct one of them.',
  },
  'suspension-hours-required': {
    pl: 'Przy trybie „ograniczone godziny” podaj godziny pracy, np. „pon.–pt. 8:00–12:00”.',
    en: 'For "limited hours", enter the opening hours, e.g. "Mon–Fri 8:00–12:00".',
  },
  'until-or-further-notice': {
    pl: 'Wybierz albo datę końcową, albo „do odwołania” — nie oba naraz.',
    en: 'Choose either an end date or "until further notice", not both.',
  },
  mime: {
    pl: 'Typ pliku jest nieprawidłowy (oczekiwano np. application/pdf).',
    en: 'The file type is not valid (expected e.g. application/pdf).',
  },
  'video-mime': {
    pl: 'Film w PJM musi być plikiem MP4 lub WebM, który odtwarza przeglądarka. Inny plik opublikuj na kanale instytucji i wpisz link.',
    en: 'The PJM video must be an MP4 or WebM file that browsers play. Publish any other file on the institution’s channel and give the link.',
  },
  teryt: {
    pl: 'Kod TERYT gminy ma 7 cyfr, np. 2464011 dla Częstochowy.',
    en: 'A TERYT municipality code has 7 digits, e.g. 2464011 for Częstochowa.',
  },
  'postal-code': {
    pl: 'Kod pocztowy ma postać 00-000, np. 42-200.',
    en: 'A Polish postal code looks like 00-000, e.g. 42-200.',
  },
  'time-zone': {
    pl: 'Nieznana strefa czasowa. Użyj nazwy IANA, np. Europe/Warsaw.',
    en: 'Unknown time zone. Use an IANA name such as Europe/Warsaw.',
  },
  'review-before-prepared': {
    pl: 'Data przeglądu deklaracji nie może być wcześniejsza niż data jej sporządzenia.',
    en: 'The statement cannot be reviewed before it was prepared.',
  },
  'slug-frozen': {
    pl: 'Adresu (slug) nie można zmienić po pierwszej publikacji: linkują do niego kanały RSS i osadzenia na innych stronach. Przywróć poprzedni adres.',
    en: 'The slug cannot change after the first publication: feeds and embeds on other sites link to it. Restore the previous slug.',
  },
  'supersedes-itself': {
    pl: 'Komunikat nie może zastępować samego siebie ani komunikatu, który (pośrednio) zastępuje jego. Wybierz wcześniejszy komunikat albo wyczyść to pole.',
    en: 'A notice cannot supersede itself, nor a notice that (indirectly) supersedes it. Choose an earlier notice or clear this field.',
  },
  'revision-server-owned': {
    pl: 'Numer wersji nadaje system przy każdej publikacji; nie można go ustawić. Usuń to pole z zapisu.',
    en: 'The revision is set by the system at every publication and cannot be written. Leave it out.',
  },
  'institution-in-use': {
    pl: (params) =>
      `Tej instytucji nie można usunąć, bo ma komunikaty (${String(params.count)}, wliczając wersje robocze). Przypisz je do innej instytucji albo usuń je najpierw.`,
    en: (params) =>
      `This institution cannot be deleted: ${String(params.count)} notice(s), drafts included, belong to it. Move them to another institution or delete them first.`,
  },
  'slug-placeholder': {
    pl: 'Adres (slug) „notice” to tylko wypełniacz. Wpisz tytuł — adres utworzy się z niego — albo wpisz własny adres, np. „zamkniecie-plywalni”.',
    en: 'The slug "notice" is only a placeholder. Enter the title (the slug is made from it) or your own slug, such as "pool-closed".',
  },
  'duplicate-slug': {
    pl: 'Ten adres (slug) jest już użyty. Wybierz inny.',
    en: 'This slug is already in use. Choose another one.',
  },
  'unknown-institution': {
    pl: (params) => `Nie ma instytucji o adresie „${String(params.slug)}”. Wybierz istniejącą instytucję.`,
    en: (params) => `There is no institution "${String(params.slug)}". Choose an existing institution.`,
  },
  'unknown-notice': {
    pl: (params) => `Nie ma komunikatu o adresie „${String(params.slug)}”. Wskaż istniejący komunikat.`,
    en: (params) => `There is no notice "${String(params.slug)}". Choose an existing notice.`,
  },
  'missing-default-locale': {
    pl: 'Brakuje polskiej wersji tego komunikatu. Najpierw opublikuj wersję polską.',
    en: 'This notice has no Polish version. Publish the Polish version first.',
  },
  'action-not-published': {
    pl: 'Ten komunikat nie jest opublikowany. Przedłużyć lub odwołać można tylko komunikat, który mieszkańcy już widzą — opublikuj go najpierw albo zmień daty w formularzu.',
    en: 'This notice is not published. Only a notice residents can already see can be extended or lifted: publish it first, or change its dates in the form.',
  },
  'action-unpublished-changes': {
    pl: (params) =>
      `Komunikat ma zmiany, które nie zostały opublikowane (${String(params.locales)}). Opublikuj je albo odrzuć, a potem spróbuj ponownie — inaczej trafiłyby do mieszkańców razem z tą zmianą.`,
    en: (params) =>
      `The notice has unpublished changes (${String(params.locales)}). Publish or discard them, then try again — otherwise they would reach residents with this change.`,
  },
  'schedule-in-past': {
    pl: 'Ten termin już minął. Wybierz termin w przyszłości albo zrób to od razu (Opublikuj, Odwołaj teraz).',
    en: 'This time has passed. Choose a time in the future, or do it now (Publish, Lift now).',
  },
  'schedule-lift-before-publish': {
    pl: 'Komunikat nie może zostać odwołany, zanim zostanie opublikowany. Wybierz późniejszy termin odwołania.',
    en: 'A notice cannot be lifted before it is published. Choose a later time to lift it.',
  },
  'action-already-lifted': {
    pl: 'Ten komunikat został już odwołany. Jeśli sprawa wróciła, opublikuj nowy komunikat.',
    en: 'This notice has already been lifted. If the matter is back, publish a new notice.',
  },
  'action-already-ended': {
    pl: (params) => `Ten komunikat już nie obowiązuje (${String(params.until)}). Nie ma czego odwoływać.`,
    en: (params) => `This notice is no longer in force (${String(params.until)}). There is nothing to lift.`,
  },
  'extend-not-later': {
    pl: (params) =>
      `Nowy koniec (${String(params.requested)}) musi być późniejszy niż obecny (${String(params.current)}). Aby skrócić, zmień datę w formularzu albo odwołaj komunikat.`,
    en: (params) =>
      `The new end (${String(params.requested)}) must be later than the current one (${String(params.current)}). To shorten it, change the date in the form or lift the notice.`,
  },
  'extend-open-ended': {
    pl: 'Ten komunikat obowiązuje do odwołania — nie ma czego przedłużać. Aby wyznaczyć koniec, zmień datę w formularzu.',
    en: 'This notice is in force until further notice; there is nothing to extend. To set an end, change the date in the form.',
  },
  'extend-date-format': {
    pl: 'Wybierz ostatni dzień (np. 10.04.2026) i, jeśli trzeba, godzinę (np. 16:00).',
    en: 'Choose the last day (such as 2026-04-10) and, if needed, a time (such as 16:00).',
  },
  'action-note-too-long': {
    pl: (params) => `Opis zmiany jest za długi: skróć go do ${String(params.max)} znaków.`,
    en: (params) => `The change note is too long: shorten it to ${String(params.max)} characters.`,
  },
  'translation-differs': {
    pl: 'Ta wartość musi być taka sama we wszystkich wersjach językowych. Popraw ją w wersji polskiej.',
    en: 'This value must be the same in every language version. Correct it in the Polish version.',
  },
};

/** Messages for Zod's built-in checks, in the same voice. */
export const BUILTIN_MESSAGES = {
  required: { pl: 'To pole jest wymagane. Uzupełnij je.', en: 'This field is required. Fill it in.' },
  empty: { pl: 'To pole nie może być puste. Uzupełnij je.', en: 'This field cannot be empty. Fill it in.' },
  tooShort: {
    pl: (min: number) => `Tekst jest za krótki: wpisz co najmniej ${min} znaków.`,
    en: (min: number) => `The text is too short: enter at least ${min} characters.`,
  },
  tooLong: {
    pl: (max: number, length: number) => `Tekst jest za długi (${length} znaków): skróć go do ${max} znaków.`,
    en: (max: number, length: number) => `The text is too long (${length} characters): shorten it to ${max}.`,
  },
  tooFewItems: {
    pl: (min: number) => `Dodaj co najmniej ${min} pozycji.`,
    en: (min: number) => `Add at least ${min} items.`,
  },
  tooManyItems: {
    pl: (max: number) => `Za dużo pozycji: może ich być najwyżej ${max}. Usuń nadmiarowe.`,
    en: (max: number) => `Too many items: at most ${max}. Remove the extra ones.`,
  },
  numberRange: {
    pl: (min: unknown, max: unknown) => `Podaj liczbę całkowitą z zakresu ${min ?? '…'}–${max ?? '…'}.`,
    en: (min: unknown, max: unknown) => `Enter a whole number from ${min ?? '…'} to ${max ?? '…'}.`,
  },
  choose: {
    pl: (values: string) => `Wybierz jedną z wartości: ${values}.`,
    en: (values: string) => `Choose one of: ${values}.`,
  },
} as const;

export function ruleMessage(rule: string, language: MessageLanguage, params: Params): string | undefined {
  const message = RULE_MESSAGES[rule]?.[language];
  if (message === undefined) return undefined;
  return typeof message === 'function' ? message(params) : message;
}
