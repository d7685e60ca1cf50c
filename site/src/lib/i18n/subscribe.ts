import type { Locale } from '@tablica/shared';

/** The words of the e-mail sign-up page. */
export interface SubscribeWords {
  title: string;
  intro: string;
  noAccount: string;
  email: string;
  emailHelp: string;
  topics: string;
  allNotices: string;
  institutions: string;
  categories: string;
  language: string;
  frequency: string;
  immediate: string;
  daily: string;
  submit: string;
  working: string;
  failed: string;
  noScript: string;
  privacyTitle: string;
  privacy: string;
  footerLink: string;
  institutionLink: string;
  pushTitle: string;
  pushIntro: string;
  iphone: string;
  pushOnButton: string;
  pushOffButton: string;
  pushWorking: string;
  pushUnsupported: string;
  pushDenied: string;
  pushServiceUnavailable: string;
}

const pl: SubscribeWords = {
  title: 'Powiadomienia e-mail',
  intro:
    'Dostaniesz wiadomość, gdy pojawi się nowy komunikat, gdy komunikat istotnie się zmieni, zostanie przedłużony albo odwołany.',
  noAccount:
    'Nie trzeba zakładać konta ani podawać numeru telefonu. W każdej wiadomości jest link do wypisania się jednym kliknięciem.',
  email: 'Adres e-mail',
  emailHelp: 'Wyślemy na niego link potwierdzający. Powiadomienia zaczną przychodzić po potwierdzeniu.',
  topics: 'Czego mają dotyczyć powiadomienia',
  allNotices: 'Wszystkie komunikaty',
  institutions: 'Komunikaty instytucji',
  categories: 'Komunikaty z kategorii',
  language: 'Język wiadomości',
  frequency: 'Jak często',
  immediate: 'Od razu, przy każdej zmianie',
  daily: 'Raz dziennie (zestawienie o 7:00)',
  submit: 'Zapisz mnie',
  working: 'Sprawdzanie i wysyłanie…',
  failed: 'Nie udało się połączyć z serwisem. Spróbuj ponownie za chwilę.',
  noScript:
    'Zapis wymaga JavaScriptu: przeglądarka rozwiązuje krótkie zadanie, które odróżnia ludzi od automatów (bez zewnętrznych usług i ciasteczek). Bez niego możesz śledzić komunikaty przez kanał RSS.',
  privacyTitle: 'Co przechowujemy',
  privacy:
    'Tylko adres e-mail, wybrane tematy, język, częstotliwość i czas potwierdzenia zapisu — wyłącznie po to, by wysyłać powiadomienia. Niepotwierdzony adres usuwamy po 48 godzinach. Wypisanie usuwa adres od razu. Adres nie trafia na stronę, do kanałów ani do dzienników serwera.',
  footerLink: 'Powiadomienia e-mail',
  institutionLink: 'Powiadomienia e-mail o komunikatach tej instytucji',
  pushTitle: 'Powiadomienia w przeglądarce',
  pushIntro:
    'Bez adresu e-mail: powiadomienie pojawi się na ekranie tego telefonu lub komputera. Obowiązują tematy i język wybrane powyżej.',
  iphone:
    'Na iPhonie i iPadzie (iOS 16.4 lub nowszy) powiadomienia działają dopiero po dodaniu tej strony do ekranu początkowego: Udostępnij → Do ekranu początkowego, a potem otwórz ją z ikony.',
  pushOnButton: 'Włącz powiadomienia w tej przeglądarce',
  pushOffButton: 'Wyłącz powiadomienia w tej przeglądarce',
  pushWorking: 'Włączanie…',
  pushUnsupported: 'Ta przeglądarka nie obsługuje powiadomień. Zapisz się e-mailem.',
  pushDenied:
    'Przeglądarka nie pozwoliła na powiadomienia. Zmień to w ustawieniach strony (ikona obok adresu) albo zapisz się e-mailem.',
  pushServiceUnavailable:
    'Ta przeglądarka nie połączyła się ze swoją usługą powiadomień. Spróbuj później albo zapisz się e-mailem.',
};

const en: SubscribeWords = {
  title: 'E-mail notifications',
  intro: 'You get a message when a new notice appears, and when a notice changes significantly, is extended or lifted.',
  noAccount: 'No account and no phone number needed. Every message has a link to unsubscribe with one click.',
  email: 'E-mail address',
  emailHelp: 'We send a confirmation link to it. Notifications start once you confirm.',
  topics: 'What the notifications are about',
  allNotices: 'All notices',
  institutions: 'Notices of an institution',
  categories: 'Notices of a category',
  language: 'Language of the messages',
  frequency: 'How often',
  immediate: 'At once, with every change',
  daily: 'Once a day (a summary at 7:00)',
  submit: 'Subscribe',
  working: 'Checking and sending…',
  failed: 'Could not reach the site. Please try again in a moment.',
  noScript:
    'Subscribing needs JavaScript: your browser solves a short task that tells people from robots (no third party, no cookies). Without it, you can follow the notices by RSS.',
  privacyTitle: 'What we keep',
  privacy:
    'Only the e-mail address, the chosen topics, language and frequency, and when you confirmed — only to send the notifications. An unconfirmed address is deleted after 48 hours. Unsubscribing deletes the address at once. The address never appears on the site, in feeds or in server logs.',
  footerLink: 'E-mail notifications',
  institutionLink: "E-mail notifications of this institution's notices",
  pushTitle: 'Notifications in the browser',
  pushIntro:
    'No e-mail address needed: a notification appears on the screen of this phone or computer. The topics and language chosen above apply.',
  iphone:
    'On an iPhone or iPad (iOS 16.4 or later) notifications work only after adding this page to the Home Screen: Share → Add to Home Screen, then open it from the icon.',
  pushOnButton: 'Turn on notifications in this browser',
  pushOffButton: 'Turn off notifications in this browser',
  pushWorking: 'Turning on…',
  pushUnsupported: 'This browser does not support notifications. Subscribe by e-mail.',
  pushDenied:
    "The browser did not allow notifications. Change it in the site's settings (the icon next to the address) or subscribe by e-mail.",
  pushServiceUnavailable:
    'This browser could not reach its notification service. Try again later, or subscribe by e-mail.',
};

const uk: SubscribeWords = {
  title: 'Сповіщення електронною поштою',
  intro:
    'Ви отримаєте лист, коли з’явиться нове повідомлення, а також коли повідомлення суттєво зміниться, буде продовжене або скасоване.',
  noAccount:
    'Не потрібно створювати обліковий запис чи вказувати номер телефону. У кожному листі є посилання, щоб відписатися одним кліком.',
  email: 'Адреса електронної пошти',
  emailHelp: 'Ми надішлемо на неї посилання для підтвердження. Сповіщення почнуть надходити після підтвердження.',
  topics: 'Про що сповіщати',
  allNotices: 'Усі повідомлення',
  institutions: 'Повідомлення установи',
  categories: 'Повідомлення категорії',
  language: 'Мова листів',
  frequency: 'Як часто',
  immediate: 'Одразу, при кожній зміні',
  daily: 'Раз на день (добірка о 7:00)',
  submit: 'Підписатися',
  working: 'Перевірка й надсилання…',
  failed: 'Не вдалося з’єднатися із сайтом. Спробуйте ще раз за хвилину.',
  noScript:
    'Для підписки потрібен JavaScript: браузер розв’язує коротке завдання, яке відрізняє людей від роботів (без сторонніх сервісів і файлів cookie). Без нього можна стежити за повідомленнями через RSS.',
  privacyTitle: 'Що ми зберігаємо',
  privacy:
    'Лише адресу електронної пошти, вибрані теми, мову, частоту й час підтвердження — тільки для надсилання сповіщень. Непідтверджену адресу видаляємо через 48 годин. Відписка видаляє адресу одразу. Адреса ніколи не з’являється на сайті, у стрічках чи в журналах сервера.',
  footerLink: 'Сповіщення електронною поштою',
  institutionLink: 'Сповіщення про повідомлення цієї установи',
  pushTitle: 'Сповіщення в браузері',
  pushIntro:
    'Без адреси електронної пошти: сповіщення з’явиться на екрані цього телефона чи комп’ютера. Діють теми й мова, вибрані вище.',
  iphone:
    'На iPhone та iPad (iOS 16.4 або новіша) сповіщення працюють лише після додавання цієї сторінки на початковий екран: Поділитися → На початковий екран, а потім відкрийте її з іконки.',
  pushOnButton: 'Увімкнути сповіщення в цьому браузері',
  pushOffButton: 'Вимкнути сповіщення в цьому браузері',
  pushWorking: 'Вмикаємо…',
  pushUnsupported: 'Цей браузер не підтримує сповіщень. Підпишіться електронною поштою.',
  pushDenied:
    'Браузер не дозволив сповіщення. Змініть це в налаштуваннях сайту (іконка біля адреси) або підпишіться електронною поштою.',
  pushServiceUnavailable:
    'Цей браузер не зміг з’єднатися зі своєю службою сповіщень. Спробуйте пізніше або підпишіться електронною поштою.',
};

export const SUBSCRIBE: Record<Locale, SubscribeWords> = { pl, en, uk };
