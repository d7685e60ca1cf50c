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
};

export const SUBSCRIBE: Record<Locale, SubscribeWords> = { pl, en, uk };
