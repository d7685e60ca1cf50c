import type { Locale } from '@tablica/shared';
import type { VersionKind } from './live-versions.ts';
import type { RequestProblem } from './request.ts';

/** Every word of the subscription mails and pages, per language. */
export interface SubscriptionWords {
  kindLabel: Record<VersionKind, string>;
  kindSentence: Record<VersionKind, string>;
  readMore: string;
  untranslated: string;
  period: string;
  whyYouGetThis: (siteName: string) => string;
  manage: string;
  unsubscribe: string;
  digestSubject: (count: number, siteName: string) => string;
  digestIntro: string;
  confirmSubject: (siteName: string) => string;
  confirmBody: (siteName: string, topics: string, hours: number) => string;
  confirmButton: string;
  allNotices: string;
  confirmTitle: string;
  confirmPrompt: string;
  confirmed: string;
  linkInvalid: string;
  signUpSent: string;
  signUpProblems: string;
  problem: Record<RequestProblem | 'botCheck', string>;
  tooMany: string;
  manageTitle: string;
  topics: string;
  language: string;
  frequency: string;
  immediate: string;
  daily: string;
  save: string;
  saved: string;
  deleteAll: string;
  deleted: string;
  backToSite: string;
  pushOn: string;
  pushOff: string;
  pushUnusable: string;
}

const pl: SubscriptionWords = {
  kindLabel: { new: '', update: 'Aktualizacja: ', extension: 'Przedłużono: ', lift: 'Odwołano: ' },
  kindSentence: {
    new: 'Nowy komunikat',
    update: 'Komunikat zmieniono',
    extension: 'Komunikat przedłużono',
    lift: 'Komunikat odwołano',
  },
  readMore: 'Cały komunikat',
  untranslated: 'Ten komunikat nie jest jeszcze przetłumaczony; poniżej oryginał.',
  period: 'Obowiązuje',
  whyYouGetThis: (siteName) => `Otrzymujesz tę wiadomość, bo zapisano ten adres na powiadomienia serwisu ${siteName}.`,
  manage: 'Zmień powiadomienia lub wypisz się',
  unsubscribe: 'Wypisz się',
  digestSubject: (count, siteName) =>
    `${siteName}: ${count} ${count === 1 ? 'komunikat' : 'komunikaty'} z ostatniej doby`,
  digestIntro: 'Komunikaty z ostatniej doby',
  confirmSubject: (siteName) => `Potwierdź zapis na powiadomienia — ${siteName}`,
  confirmBody: (siteName, topics, hours) =>
    `Ktoś (zapewne Ty) poprosił o powiadomienia e-mail serwisu ${siteName}: ${topics}.\n\nAby je otrzymywać, potwierdź zapis, otwierając link poniżej. Jeśli to nie Ty, zignoruj tę wiadomość: adres zostanie usunięty po ${hours} godzinach i nic więcej nie przyjdzie.`,
  confirmButton: 'Potwierdzam zapis',
  allNotices: 'wszystkie komunikaty',
  confirmTitle: 'Potwierdzenie zapisu',
  confirmPrompt: 'Potwierdź, że chcesz otrzymywać powiadomienia e-mail.',
  confirmed: 'Zapis potwierdzony. Powiadomienia będą przychodzić na Twój adres.',
  linkInvalid: 'Ten link jest nieważny lub wygasł. Zapisz się ponownie na stronie serwisu.',
  signUpSent:
    'Dziękujemy. Jeśli adres jest poprawny, przyjdzie na niego wiadomość z linkiem potwierdzającym. Powiadomienia zaczną przychodzić po potwierdzeniu.',
  signUpProblems: 'Nie udało się zapisać. Popraw:',
  problem: {
    address: 'Adres e-mail: wpisz jeden adres w postaci nazwa@domena.pl.',
    topics: 'Tematy: wybierz co najmniej jeden z listy.',
    language: 'Język: wybierz jeden z listy.',
    frequency: 'Częstotliwość: wybierz „od razu” albo „raz dziennie”.',
    botCheck: 'Sprawdzenie, że nie jesteś automatem, nie powiodło się. Odśwież stronę i spróbuj ponownie.',
  },
  tooMany: 'Zbyt wiele prób. Spróbuj ponownie za godzinę.',
  manageTitle: 'Twoje powiadomienia',
  topics: 'Tematy',
  language: 'Język wiadomości',
  frequency: 'Jak często',
  immediate: 'Od razu, przy każdej zmianie',
  daily: 'Raz dziennie (zestawienie o 7:00)',
  save: 'Zapisz zmiany',
  saved: 'Zmiany zapisane.',
  deleteAll: 'Wypisz mnie i usuń mój adres',
  deleted: 'Wypisano. Twój adres został usunięty i nie przyjdzie już żadna wiadomość.',
  backToSite: 'Wróć do serwisu',
  pushOn: 'Powiadomienia w tej przeglądarce są włączone.',
  pushOff: 'Powiadomienia w tej przeglądarce są wyłączone.',
  pushUnusable: 'Ta przeglądarka podała niepełne dane subskrypcji. Spróbuj ponownie albo zapisz się e-mailem.',
};

const en: SubscriptionWords = {
  kindLabel: { new: '', update: 'Update: ', extension: 'Extended: ', lift: 'Lifted: ' },
  kindSentence: {
    new: 'New notice',
    update: 'Notice changed',
    extension: 'Notice extended',
    lift: 'Notice lifted',
  },
  readMore: 'The whole notice',
  untranslated: 'This notice has not been translated yet; the original follows.',
  period: 'In force',
  whyYouGetThis: (siteName) =>
    `You receive this because this address was subscribed to notifications from ${siteName}.`,
  manage: 'Change notifications or unsubscribe',
  unsubscribe: 'Unsubscribe',
  digestSubject: (count, siteName) => `${siteName}: ${count} ${count === 1 ? 'notice' : 'notices'} in the last day`,
  digestIntro: 'Notices in the last day',
  confirmSubject: (siteName) => `Confirm your notifications — ${siteName}`,
  confirmBody: (siteName, topics, hours) =>
    `Someone (probably you) asked for e-mail notifications from ${siteName}: ${topics}.\n\nTo receive them, confirm by opening the link below. If it was not you, ignore this message: the address is deleted after ${hours} hours and nothing more will come.`,
  confirmButton: 'Confirm',
  allNotices: 'all notices',
  confirmTitle: 'Confirm your subscription',
  confirmPrompt: 'Confirm that you want to receive e-mail notifications.',
  confirmed: 'Confirmed. Notifications will come to your address.',
  linkInvalid: 'This link is not valid or has expired. Subscribe again on the site.',
  signUpSent:
    'Thank you. If the address is valid, a message with a confirmation link is on its way. Notifications start once you confirm.',
  signUpProblems: 'The subscription could not be made. Please correct:',
  problem: {
    address: 'E-mail address: enter one address like name@example.org.',
    topics: 'Topics: choose at least one from the list.',
    language: 'Language: choose one from the list.',
    frequency: 'How often: choose "at once" or "once a day".',
    botCheck: 'The check that you are not a robot did not succeed. Reload the page and try again.',
  },
  tooMany: 'Too many attempts. Please try again in an hour.',
  manageTitle: 'Your notifications',
  topics: 'Topics',
  language: 'Language of the messages',
  frequency: 'How often',
  immediate: 'At once, with every change',
  daily: 'Once a day (a summary at 7:00)',
  save: 'Save changes',
  saved: 'Changes saved.',
  deleteAll: 'Unsubscribe and delete my address',
  deleted: 'Unsubscribed. Your address has been deleted and no more messages will come.',
  backToSite: 'Back to the site',
  pushOn: 'Notifications in this browser are on.',
  pushOff: 'Notifications in this browser are off.',
  pushUnusable: 'This browser gave an incomplete subscription. Try again, or subscribe by e-mail.',
};

const uk: SubscriptionWords = {
  kindLabel: { new: '', update: 'Оновлення: ', extension: 'Продовжено: ', lift: 'Скасовано: ' },
  kindSentence: {
    new: 'Нове повідомлення',
    update: 'Повідомлення змінено',
    extension: 'Повідомлення продовжено',
    lift: 'Повідомлення скасовано',
  },
  readMore: 'Повне повідомлення',
  untranslated: 'Це повідомлення ще не перекладено; нижче оригінал.',
  period: 'Діє',
  whyYouGetThis: (siteName) => `Ви отримуєте цей лист, бо цю адресу підписано на сповіщення ${siteName}.`,
  manage: 'Змінити сповіщення або відписатися',
  unsubscribe: 'Відписатися',
  digestSubject: (count, siteName) => `${siteName}: повідомлень за останню добу — ${count}`,
  digestIntro: 'Повідомлення за останню добу',
  confirmSubject: (siteName) => `Підтвердіть підписку на сповіщення — ${siteName}`,
  confirmBody: (siteName, topics, hours) =>
    `Хтось (мабуть, ви) попросив надсилати сповіщення електронною поштою від ${siteName}: ${topics}.\n\nЩоб отримувати їх, підтвердіть підписку за посиланням нижче. Якщо це були не ви, проігноруйте цей лист: адресу буде видалено через ${hours} годин, і більше нічого не надійде.`,
  confirmButton: 'Підтверджую',
  allNotices: 'усі повідомлення',
  confirmTitle: 'Підтвердження підписки',
  confirmPrompt: 'Підтвердіть, що хочете отримувати сповіщення електронною поштою.',
  confirmed: 'Підписку підтверджено. Сповіщення надходитимуть на вашу адресу.',
  linkInvalid: 'Це посилання недійсне або застаріле. Підпишіться ще раз на сайті.',
  signUpSent:
    'Дякуємо. Якщо адреса правильна, на неї надійде лист із посиланням для підтвердження. Сповіщення почнуть надходити після підтвердження.',
  signUpProblems: 'Не вдалося підписатися. Виправте:',
  problem: {
    address: 'Адреса електронної пошти: введіть одну адресу у вигляді name@example.org.',
    topics: 'Теми: виберіть щонайменше одну зі списку.',
    language: 'Мова: виберіть одну зі списку.',
    frequency: 'Як часто: виберіть «одразу» або «раз на день».',
    botCheck: 'Перевірка, що ви не робот, не вдалася. Оновіть сторінку та спробуйте ще раз.',
  },
  tooMany: 'Забагато спроб. Спробуйте ще раз за годину.',
  manageTitle: 'Ваші сповіщення',
  topics: 'Теми',
  language: 'Мова листів',
  frequency: 'Як часто',
  immediate: 'Одразу, при кожній зміні',
  daily: 'Раз на день (добірка о 7:00)',
  save: 'Зберегти зміни',
  saved: 'Зміни збережено.',
  deleteAll: 'Відписати мене й видалити мою адресу',
  deleted: 'Вас відписано. Вашу адресу видалено, і листи більше не надходитимуть.',
  backToSite: 'Повернутися на сайт',
  pushOn: 'Сповіщення в цьому браузері ввімкнено.',
  pushOff: 'Сповіщення в цьому браузері вимкнено.',
  pushUnusable: 'Браузер передав неповні дані підписки. Спробуйте ще раз або підпишіться електронною поштою.',
};

export const SUBSCRIPTION_WORDS: Record<Locale, SubscriptionWords> = { pl, en, uk };
