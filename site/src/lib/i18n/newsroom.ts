import type { Locale, SmsSize } from '@tablica/shared';

/** The words of the newsroom page and of the broadcast forms' text files. */
export interface NewsroomWords {
  title: string;
  intro: string;
  none: string;
  shown: (shown: number, all: number) => string;
  allCurrent: string;
  footerLink: string;
  noticePage: string;
  radioShort: string;
  radioFull: string;
  readingTime: (seconds: number, words: number) => string;
  smsOneSegment: string;
  smsAlert: string;
  smsOriginal: string;
  smsSize: (size: SmsSize) => string;
  banner: string;
  social: string;
  length: (length: number, limit: number) => string;
  overLimit: string;
  copy: string;
  copied: string;
  copyFailed: string;
  textFiles: string;
  radioFile: string;
  smsFile: string;
  warningFile: string;
  warningTitle: string;
  withdrawalTitle: string;
  feedsTitle: string;
  feeds: string;
  capIndex: string;
  embedTitle: string;
  embedText: string;
  version: (revision: number) => string;
  /** The editor's preview (issue 17, item 6): the forms before publishing, and what to fix. */
  previewTitle: string;
  previewIntro: string;
  previewAllFit: string;
  previewOver: (count: number) => string;
  /** What to change when a form is over its limit; `headline`: whether the notice has one. */
  advice: (key: 'banner' | 'sms1' | 'sms306' | 'radio30' | 'social', headline: boolean) => string;
}

const pl: NewsroomWords = {
  title: 'Dla mediów',
  intro:
    'Każdy aktualny komunikat w formach, które radio, portale i urzędy przekazują dalej: skrypt do przeczytania na antenie, SMS, baner i wpis. Przycisk „Kopiuj” kopiuje tekst bez przepisywania.',
  none: 'Nie ma teraz komunikatów w tym języku.',
  shown: (shown, all) => `Pokazano ${shown} najpilniejszych z ${all} komunikatów.`,
  allCurrent: 'Wszystkie aktualne komunikaty',
  footerLink: 'Dla mediów',
  noticePage: 'Strona komunikatu',
  radioShort: 'Skrypt radiowy do 30 sekund',
  radioFull: 'Pełny skrypt radiowy',
  readingTime: (seconds, words) => `Czyta się ok. ${seconds} s (${words} słów).`,
  smsOneSegment: 'SMS w jednej wiadomości (do 160 znaków, bez polskich liter)',
  smsAlert: 'SMS jak Alert RCB (do 306 znaków, bez polskich liter)',
  smsOriginal: 'SMS z polskimi literami',
  smsSize: ({ units, segments, encoding }) =>
    `${units} znaków, ${segments} ${segments === 1 ? 'wiadomość' : 'wiadomości'} SMS (${encoding}).`,
  banner: 'Baner (do 30 znaków)',
  social: 'Wpis w mediach społecznościowych (do 280 znaków)',
  length: (length, limit) => `${length} z ${limit} znaków.`,
  overLimit: 'Przekracza limit — skróć przed wysłaniem.',
  copy: 'Kopiuj',
  copied: 'Skopiowano.',
  copyFailed: 'Nie udało się skopiować: tekst jest zaznaczony, naciśnij Ctrl+C.',
  textFiles: 'Pliki tekstowe',
  radioFile: 'skrypty radiowe (.txt)',
  smsFile: 'teksty SMS (.txt)',
  warningFile: 'komunikat ostrzegawczy (.txt)',
  warningTitle: 'Komunikat ostrzegawczy (rozporządzenie MSWiA z 14 maja 2025 r.)',
  withdrawalTitle: 'Odwołanie komunikatu ostrzegawczego',
  feedsTitle: 'Kanały z komunikatami',
  feeds: 'Wszystkie komunikaty',
  capIndex: 'Komunikaty CAP (dla systemów ostrzegania)',
  embedTitle: 'Komunikaty na Twojej stronie',
  embedText: 'Lista, baner albo jeden komunikat, aktualizowane same — także w WordPressie.',
  version: (revision) => `wersja ${revision}`,
  previewTitle: 'Teksty dla mediów — widzi tylko redakcja',
  previewIntro:
    'Tak ten komunikat przekażą radio, SMS i paski ostrzeżeń na stronach partnerów, gdy go opublikujesz. Limity liczymy tak jak sieci komórkowe i serwisy.',
  previewAllFit: 'Wszystkie formy mieszczą się w swoich limitach.',
  previewOver: (count) => `Przekroczony limit (${count}): popraw przed publikacją.`,
  advice: (key, headline) =>
    ({
      banner: headline
        ? 'Skróć „Hasło na pasek” do 30 znaków.'
        : 'Wpisz „Hasło na pasek” (do 30 znaków): bez niego baner obcina tytuł.',
      sms1: 'Skróć tytuł albo skróconą nazwę instytucji.',
      sms306: 'Skróć tytuł albo skróconą nazwę instytucji.',
      radio30: 'Skróć tytuł: sam początek skryptu czyta się dłużej niż 30 sekund.',
      social: 'Skróć tytuł.',
    })[key],
};

const en: NewsroomWords = {
  title: 'For the media',
  intro:
    'Every current notice in the forms that radio, news sites and offices pass on: a script to read on air, SMS texts, a banner and a post. “Copy” copies the text, with no retyping.',
  none: 'There are no notices in this language now.',
  shown: (shown, all) => `The ${shown} most urgent of ${all} notices are shown.`,
  allCurrent: 'All current notices',
  footerLink: 'For the media',
  noticePage: 'Notice page',
  radioShort: 'Radio script, up to 30 seconds',
  radioFull: 'Full radio script',
  readingTime: (seconds, words) => `Reads in about ${seconds} s (${words} words).`,
  smsOneSegment: 'SMS in one message (up to 160 characters, GSM-7)',
  smsAlert: 'SMS as Alert RCB sends it (up to 306 characters, GSM-7)',
  smsOriginal: 'SMS as written',
  smsSize: ({ units, segments, encoding }) =>
    `${units} characters, ${segments} SMS message${segments === 1 ? '' : 's'} (${encoding}).`,
  banner: 'Banner (up to 30 characters)',
  social: 'Social media post (up to 280 characters)',
  length: (length, limit) => `${length} of ${limit} characters.`,
  overLimit: 'Over the limit: shorten it before sending.',
  copy: 'Copy',
  copied: 'Copied.',
  copyFailed: 'Could not copy: the text is selected, press Ctrl+C.',
  textFiles: 'Text files',
  radioFile: 'radio scripts (.txt)',
  smsFile: 'SMS texts (.txt)',
  warningFile: 'warning message (.txt)',
  warningTitle: 'Warning message (MSWiA regulation of 14 May 2025)',
  withdrawalTitle: 'Withdrawal of the warning message',
  feedsTitle: 'Feeds of notices',
  feeds: 'All notices',
  capIndex: 'CAP messages (for warning systems)',
  embedTitle: 'Notices on your site',
  embedText: 'A list, a banner or one notice, always up to date — WordPress too.',
  version: (revision) => `version ${revision}`,
  previewTitle: 'Texts for the media — seen only by editors',
  previewIntro:
    'This is how radio, SMS and partner sites’ banners will pass this notice on once you publish it. Limits are counted as networks and services count them.',
  previewAllFit: 'Every form is within its limit.',
  previewOver: (count) => `Over the limit (${count}): fix before publishing.`,
  advice: (key, headline) =>
    ({
      banner: headline
        ? 'Shorten the banner headline to 30 characters.'
        : 'Write a banner headline (up to 30 characters): without one the banner cuts the title.',
      sms1: 'Shorten the title or the institution’s short name.',
      sms306: 'Shorten the title or the institution’s short name.',
      radio30: 'Shorten the title: the start of the script alone takes longer than 30 seconds to read.',
      social: 'Shorten the title.',
    })[key],
};

const uk: NewsroomWords = {
  title: 'Для медіа',
  intro:
    'Кожне чинне повідомлення у формах, які радіо, портали й установи передають далі: текст для ефіру, SMS, банер і допис. Кнопка «Копіювати» копіює текст без передруковування.',
  none: 'Зараз немає повідомлень цією мовою.',
  shown: (shown, all) => `Показано ${shown} найтерміновіших із ${all} повідомлень.`,
  allCurrent: 'Усі чинні повідомлення',
  footerLink: 'Для медіа',
  noticePage: 'Сторінка повідомлення',
  radioShort: 'Радіотекст до 30 секунд',
  radioFull: 'Повний радіотекст',
  readingTime: (seconds, words) => `Читається приблизно ${seconds} с (${words} слів).`,
  smsOneSegment: 'SMS в одному повідомленні (до 160 символів, латиницею)',
  smsAlert: 'SMS як Alert RCB (до 306 символів, латиницею)',
  smsOriginal: 'SMS як написано',
  smsSize: ({ units, segments, encoding }) => `${units} символів, SMS: ${segments} (${encoding}).`,
  banner: 'Банер (до 30 символів)',
  social: 'Допис у соцмережах (до 280 символів)',
  length: (length, limit) => `${length} з ${limit} символів.`,
  overLimit: 'Перевищує ліміт — скоротіть перед надсиланням.',
  copy: 'Копіювати',
  copied: 'Скопійовано.',
  copyFailed: 'Не вдалося скопіювати: текст виділено, натисніть Ctrl+C.',
  textFiles: 'Текстові файли',
  radioFile: 'радіотексти (.txt)',
  smsFile: 'тексти SMS (.txt)',
  warningFile: 'попереджувальне повідомлення (.txt)',
  warningTitle: 'Попереджувальне повідомлення (постанова МВС Польщі від 14 травня 2025 р.)',
  withdrawalTitle: 'Скасування попереджувального повідомлення',
  feedsTitle: 'Стрічки повідомлень',
  feeds: 'Усі повідомлення',
  capIndex: 'Повідомлення CAP (для систем оповіщення)',
  embedTitle: 'Повідомлення на вашому сайті',
  embedText: 'Список, банер або одне повідомлення, що оновлюються самі, — також у WordPress.',
  version: (revision) => `версія ${revision}`,
  previewTitle: 'Тексти для медіа — бачать лише редактори',
  previewIntro:
    'Так це повідомлення передадуть радіо, SMS і банери на сайтах партнерів, коли ви його опублікуєте. Ліміти рахуємо так, як мережі й сервіси.',
  previewAllFit: 'Усі форми вміщуються у свої ліміти.',
  previewOver: (count) => `Перевищено ліміт (${count}): виправте перед публікацією.`,
  advice: (key, headline) =>
    ({
      banner: headline
        ? 'Скоротіть гасло для банера до 30 символів.'
        : 'Напишіть гасло для банера (до 30 символів): без нього банер обрізає заголовок.',
      sms1: 'Скоротіть заголовок або коротку назву установи.',
      sms306: 'Скоротіть заголовок або коротку назву установи.',
      radio30: 'Скоротіть заголовок: лише початок скрипту читається довше за 30 секунд.',
      social: 'Скоротіть заголовок.',
    })[key],
};

export const NEWSROOM: Record<Locale, NewsroomWords> = { pl, en, uk };
