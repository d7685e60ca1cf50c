import type { Locale } from '@tablica/shared';

/** The words of the embed builder, the page where a newsroom's web editor makes a snippet. */
export interface BuilderWords {
  title: string;
  intro: string;
  way: string;
  ways: { script: string; iframe: string; wordpress: string };
  wayHelp: { script: string; iframe: string; wordpress: string };
  institution: string;
  allInstitutions: string;
  variant: string;
  variants: { list: string; banner: string; single: string };
  notice: string;
  noticeHelp: string;
  limit: string;
  language: string;
  theme: string;
  themes: { auto: string; light: string; dark: string };
  preview: string;
  code: string;
  copy: string;
  copied: string;
  copyFailed: string;
  reserveHelp: string;
  wordpressPaste: string;
  wordpressNeedsChoice: string;
  noScript: string;
  styling: string;
  privacy: string;
}

const pl: BuilderWords = {
  title: 'Umieść komunikaty na swojej stronie',
  intro:
    'Dla redakcji radia, gazet i portali: wybierz, co pokazać, sprawdź podgląd i skopiuj kod. Komunikaty odświeżają się same, a zakończone znikają.',
  way: 'Sposób osadzenia',
  ways: {
    script: 'Skrypt (zalecany poza WordPressem)',
    iframe: 'Ramka (iframe)',
    wordpress: 'WordPress: wklejony adres (zalecany w WordPressie)',
  },
  wayHelp: {
    script:
      'Wklej kod w miejscu, w którym komunikaty mają się pojawić. W WordPressie tylko Administrator lub Redaktor (blok „Własny HTML”): Autorom i Współpracownikom WordPress usuwa skrypt.',
    iframe:
      'Dla stron, które nie przyjmują skryptów. Ramka pokazuje do 5 komunikatów. W WordPressie tylko Administrator lub Redaktor: Autorom i Współpracownikom WordPress usuwa ramkę.',
    wordpress:
      'Działa w każdej roli WordPressa, także Autora i Współpracownika: wklej sam adres w osobnym akapicie — WordPress sam pokaże komunikat i dopasuje wysokość.',
  },
  institution: 'Instytucja',
  allInstitutions: 'Wszystkie instytucje',
  variant: 'Wygląd',
  variants: { list: 'Lista', banner: 'Pasek pilnych komunikatów (jedna linia)', single: 'Jeden komunikat' },
  notice: 'Komunikat',
  noticeHelp: 'Obowiązujące komunikaty; kod każdego komunikatu jest też na jego stronie.',
  limit: 'Liczba komunikatów (1–10)',
  language: 'Język',
  theme: 'Kolory',
  themes: { auto: 'Jak w systemie czytelnika', light: 'Jasne', dark: 'Ciemne' },
  preview: 'Podgląd',
  code: 'Kod do wklejenia',
  copy: 'Kopiuj kod',
  copied: 'Skopiowano kod do schowka.',
  copyFailed: 'Nie udało się skopiować — zaznacz kod i skopiuj go ręcznie (Ctrl+C).',
  reserveHelp:
    'Kod rezerwuje miejsce na komunikaty, więc strona nie przeskakuje, gdy się wczytają. Bez JavaScriptu czytelnik zobaczy link do komunikatów.',
  wordpressPaste: 'Adres do wklejenia',
  wordpressNeedsChoice: 'Wybierz instytucję albo komunikat — WordPress osadza konkretną stronę.',
  noScript: 'Zmiana ustawień wymaga JavaScriptu; poniższy kod pokazuje trzy obowiązujące komunikaty.',
  styling:
    'Wygląd dopasujesz w CSS swojej strony: rozmiar pisma przez font-size elementu tablica-notices, kolory przez --tablica-text, --tablica-background, --tablica-link, --tablica-urgent, a szczegóły przez ::part(region), ::part(link) i inne.',
  privacy: 'Widżet nie używa ciasteczek ani pamięci przeglądarki i nie łączy się z nikim poza tą stroną.',
};

const en: BuilderWords = {
  title: 'Put the notices on your website',
  intro:
    'For radio, newspaper and portal editors: choose what to show, check the preview and copy the code. Notices update themselves, and ended ones disappear.',
  way: 'How to embed',
  ways: {
    script: 'Script (recommended outside WordPress)',
    iframe: 'Frame (iframe)',
    wordpress: 'WordPress: pasted address (recommended in WordPress)',
  },
  wayHelp: {
    script:
      'Paste the code where the notices should appear. In WordPress only an Administrator or Editor can (a "Custom HTML" block): WordPress removes the script for Authors and Contributors.',
    iframe:
      'For sites that do not accept scripts. The frame shows up to 5 notices. In WordPress only an Administrator or Editor can: WordPress removes the frame for Authors and Contributors.',
    wordpress:
      'Works in every WordPress role, Authors and Contributors included: paste just the address in its own paragraph and WordPress shows the notice and sizes it itself.',
  },
  institution: 'Institution',
  allInstitutions: 'All institutions',
  variant: 'Layout',
  variants: { list: 'List', banner: 'Urgent notice bar (one line)', single: 'One notice' },
  notice: 'Notice',
  noticeHelp: "Notices in force; every notice's code is also on its own page.",
  limit: 'Number of notices (1–10)',
  language: 'Language',
  theme: 'Colours',
  themes: { auto: "Follow the reader's system", light: 'Light', dark: 'Dark' },
  preview: 'Preview',
  code: 'Code to paste',
  copy: 'Copy code',
  copied: 'Code copied to the clipboard.',
  copyFailed: 'Could not copy: select the code and copy it yourself (Ctrl+C).',
  reserveHelp:
    'The code reserves room for the notices, so your page does not jump when they load. Without JavaScript, readers see a link to the notices.',
  wordpressPaste: 'Address to paste',
  wordpressNeedsChoice: 'Choose an institution or a notice: WordPress embeds one particular page.',
  noScript: 'Changing the settings needs JavaScript; the code below shows three notices in force.',
  styling:
    'Match your site in its CSS: text size through the font-size of tablica-notices, colours through --tablica-text, --tablica-background, --tablica-link, --tablica-urgent, details through ::part(region), ::part(link) and others.',
  privacy: 'The widget uses no cookies or browser storage and connects to nothing but this site.',
};

const uk: BuilderWords = {
  title: 'Розмістіть повідомлення на своєму сайті',
  intro:
    'Для редакцій радіо, газет і порталів: виберіть, що показувати, перегляньте попередній вигляд і скопіюйте код. Повідомлення оновлюються самі, а завершені зникають.',
  way: 'Спосіб вбудовування',
  ways: {
    script: 'Скрипт (рекомендовано поза WordPress)',
    iframe: 'Рамка (iframe)',
    wordpress: 'WordPress: вставлена адреса (рекомендовано у WordPress)',
  },
  wayHelp: {
    script:
      'Вставте код там, де мають з’явитися повідомлення. У WordPress лише Адміністратор або Редактор (блок «Власний HTML»): Авторам і Дописувачам WordPress видаляє скрипт.',
    iframe:
      'Для сайтів, які не приймають скриптів. Рамка показує до 5 повідомлень. У WordPress лише Адміністратор або Редактор: Авторам і Дописувачам WordPress видаляє рамку.',
    wordpress:
      'Працює для будь-якої ролі у WordPress, зокрема Автора й Дописувача: вставте лише адресу окремим абзацом — WordPress сам покаже повідомлення й підбере висоту.',
  },
  institution: 'Установа',
  allInstitutions: 'Усі установи',
  variant: 'Вигляд',
  variants: { list: 'Список', banner: 'Смуга термінових повідомлень (один рядок)', single: 'Одне повідомлення' },
  notice: 'Повідомлення',
  noticeHelp: 'Чинні повідомлення; код кожного повідомлення є також на його сторінці.',
  limit: 'Кількість повідомлень (1–10)',
  language: 'Мова',
  theme: 'Кольори',
  themes: { auto: 'Як у системі читача', light: 'Світлі', dark: 'Темні' },
  preview: 'Попередній перегляд',
  code: 'Код для вставлення',
  copy: 'Копіювати код',
  copied: 'Код скопійовано до буфера обміну.',
  copyFailed: 'Не вдалося скопіювати — виділіть код і скопіюйте його вручну (Ctrl+C).',
  reserveHelp:
    'Код резервує місце для повідомлень, тож сторінка не стрибає, коли вони завантажуються. Без JavaScript читач побачить посилання на повідомлення.',
  wordpressPaste: 'Адреса для вставлення',
  wordpressNeedsChoice: 'Виберіть установу або повідомлення — WordPress вбудовує конкретну сторінку.',
  noScript: 'Зміна налаштувань потребує JavaScript; код нижче показує три чинні повідомлення.',
  styling:
    'Підлаштуйте вигляд у CSS свого сайту: розмір шрифту через font-size елемента tablica-notices, кольори через --tablica-text, --tablica-background, --tablica-link, --tablica-urgent, деталі через ::part(region), ::part(link) тощо.',
  privacy: 'Віджет не використовує файлів cookie чи сховища браузера і не з’єднується ні з ким, крім цього сайту.',
};

export const BUILDER: Record<Locale, BuilderWords> = { pl, en, uk };
