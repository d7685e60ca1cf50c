/**
 * @tablica/shared — the notice model and the pure helpers every part of Tablica agrees on.
 * Knows nothing of Strapi or Astro.
 */
export * from './broadcast/forms.ts';
export * from './broadcast/radio-script.ts';
export * from './broadcast/sms.ts';
export * from './broadcast/spoken-polish.ts';
export * from './broadcast/warning-message.ts';
export * from './domain/channel-href.ts';
export * from './domain/epuap.ts';
export * from './domain/lists.ts';
export * from './domain/main-phone.ts';
export * from './domain/next-change.ts';
export * from './domain/phone.ts';
export * from './domain/rehearsal.ts';
export * from './domain/slug.ts';
export * from './domain/sort.ts';
export * from './domain/status.ts';
export * from './domain/suspension-period.ts';
export * from './domain/version-sent.ts';
export * from './fixtures/generate.ts';
export * from './format/change-notes.ts';
export * from './format/intl-cache.ts';
export * from './format/period.ts';
export * from './format/remembered.ts';
export * from './i18n/apostrophes.ts';
export * from './i18n/field-labels.ts';
export * from './i18n/locales.ts';
export * from './i18n/messages.ts';
export * from './i18n/notice-path.ts';
export * from './schemas/index.ts';
export * from './snapshot/keep-good.ts';
export * from './snapshot/load.ts';
export * from './snapshot/relative-dates.ts';
export * from './time/index.ts';
export * from './validation.ts';
