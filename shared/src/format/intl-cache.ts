/**
 * `Intl.DateTimeFormat` instances are costly to create (about as much as formatting a hundred
 * dates) and a site build formats dates tens of thousands of times with a handful of option sets.
 * They are stateless once created, so one per (locale, options) is shared.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}
