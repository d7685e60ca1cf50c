import type { Locale } from '@tablica/shared';

/** The words of the embeddable widget, per language; each widget data file carries its language's. */
export interface WidgetWords {
  /** The region's label ("Notices: <site>") and the fallback link's. */
  region: string;
  more: string;
  none: string;
  urgent: string;
  ended: string;
  read: string;
  /** The single notice's link to its easy-to-read text, when it has one. */
  easyRead: string;
  noUrgent: string;
  call: string;
}

export const WIDGET_WORDS: Record<Locale, WidgetWords> = {
  pl: {
    region: 'Komunikaty',
    more: 'Wszystkie komunikaty',
    none: 'Brak obowiązujących komunikatów.',
    urgent: 'Pilne',
    ended: 'Zakończony',
    read: 'Czytaj komunikat',
    easyRead: 'Tekst łatwy do czytania',
    noUrgent: 'Brak pilnych komunikatów.',
    call: 'Zadzwoń',
  },
  en: {
    region: 'Notices',
    more: 'All notices',
    none: 'No notices in force.',
    urgent: 'Urgent',
    ended: 'Ended',
    read: 'Read the notice',
    easyRead: 'Easy-to-read text',
    noUrgent: 'No urgent notices.',
    call: 'Call',
  },
  uk: {
    region: 'Повідомлення',
    more: 'Усі повідомлення',
    none: 'Немає чинних повідомлень.',
    urgent: 'Терміново',
    ended: 'Завершено',
    read: 'Читати повідомлення',
    easyRead: 'Легкий для читання текст',
    noUrgent: 'Немає термінових повідомлень.',
    call: 'Зателефонувати',
  },
};
