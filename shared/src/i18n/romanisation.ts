/**
 * Ukrainian in Latin letters by the Ukrainian national romanisation (KMU 2010), plus the Russian
 * letters that turn up in pasted text (ы, э, ъ): one table for every place that must spell
 * Cyrillic in Latin — a notice's address, an SMS in GSM-7. `ё` is not Ukrainian and each place
 * spells it its own way.
 */
export const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'g',
  д: 'd',
  е: 'e',
  є: 'ie',
  ж: 'zh',
  з: 'z',
  и: 'y',
  і: 'i',
  ї: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ь: '',
  ю: 'iu',
  я: 'ia',
  ы: 'y',
  э: 'e',
  ъ: '',
};

/** The forms KMU 2010 uses at the start of a word (Єва → Yeva, Юрій → Yurii). */
export const CYRILLIC_WORD_INITIAL: Readonly<Record<string, string>> = {
  є: 'ye',
  ї: 'yi',
  й: 'y',
  ю: 'yu',
  я: 'ya',
};
