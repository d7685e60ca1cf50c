import type { MessageLanguage } from './messages.ts';

/** Names of fields as the admin panel shows them, so an error says where to look. */
const LABELS: Record<string, Record<MessageLanguage, string>> = {
  title: { pl: 'Tytuł', en: 'Title' },
  slug: { pl: 'Adres (slug)', en: 'Slug' },
  summary: { pl: 'Streszczenie', en: 'Summary' },
  headline: { pl: 'Hasło na pasek', en: 'Banner headline' },
  institution: { pl: 'Instytucja', en: 'Institution' },
  category: { pl: 'Kategoria', en: 'Category' },
  severity: { pl: 'Waga', en: 'Severity' },
  messageStatus: { pl: 'Rodzaj komunikatu', en: 'Message status' },
  easyRead: { pl: 'Tekst łatwy do czytania', en: 'Easy-to-read text' },
  signLanguageVideo: { pl: 'Film w polskim języku migowym (PJM)', en: 'Polish Sign Language (PJM) video' },
  effectiveFrom: { pl: 'Obowiązuje od', en: 'Effective from' },
  effectiveUntil: { pl: 'Obowiązuje do', en: 'Effective until' },
  liftedAt: { pl: 'Odwołano', en: 'Lifted' },
  timeZone: { pl: 'Strefa czasowa', en: 'Time zone' },
  suspensions: { pl: 'Zmiany w działaniu placówek', en: 'Facility changes' },
  facility: { pl: 'Placówka', en: 'Facility' },
  mode: { pl: 'Tryb', en: 'Mode' },
  hours: { pl: 'Godziny', en: 'Hours' },
  scope: { pl: 'Zakres', en: 'Scope' },
  from: { pl: 'Od', en: 'From' },
  until: { pl: 'Do', en: 'Until' },
  untilFurtherNotice: { pl: 'Do odwołania', en: 'Until further notice' },
  channels: { pl: 'Kanały kontaktu', en: 'Contact channels' },
  kind: { pl: 'Rodzaj', en: 'Kind' },
  label: { pl: 'Etykieta', en: 'Label' },
  value: { pl: 'Wartość', en: 'Value' },
  extension: { pl: 'Numer wewnętrzny', en: 'Extension' },
  note: { pl: 'Uwaga', en: 'Note' },
  procedures: { pl: 'Procedury', en: 'Procedures' },
  proceduresHeading: { pl: 'Nagłówek procedur', en: 'Procedures heading' },
  items: { pl: 'Podpunkty', en: 'Sub-items' },
  text: { pl: 'Treść', en: 'Text' },
  advisories: { pl: 'Ostrzeżenia i wskazówki', en: 'Advisories' },
  tone: { pl: 'Rodzaj', en: 'Tone' },
  body: { pl: 'Treść', en: 'Body' },
  links: { pl: 'Odnośniki', en: 'Links' },
  url: { pl: 'Adres URL', en: 'URL' },
  attachments: { pl: 'Załączniki', en: 'Attachments' },
  updates: { pl: 'Rejestr zmian', en: 'Change register' },
  at: { pl: 'Data', en: 'Date' },
  source: { pl: 'Źródło', en: 'Source' },
  name: { pl: 'Nazwa', en: 'Name' },
  supersedes: { pl: 'Zastępuje komunikat', en: 'Supersedes' },
  area: { pl: 'Obszar', en: 'Area' },
  teryt: { pl: 'Kody TERYT', en: 'TERYT codes' },
  description: { pl: 'Opis', en: 'Description' },
  locale: { pl: 'Język', en: 'Language' },
  preparedBy: { pl: 'Informację wytworzył(a)', en: 'Prepared by' },
  publishedBy: { pl: 'Informację opublikował(a)', en: 'Published by' },
  preferred: { pl: 'Preferowany kanał', en: 'Preferred channel' },
  mime: { pl: 'Typ pliku', en: 'File type' },
  bytes: { pl: 'Rozmiar pliku', en: 'File size' },
  revision: { pl: 'Wersja', en: 'Version' },
  publications: { pl: 'Historia publikacji', en: 'Publication history' },
  sent: { pl: 'Wysłano', en: 'Sent' },
  notice: { pl: 'Treść wersji', en: 'Version text' },
  scheduledPublishAt: { pl: 'Opublikuj automatycznie', en: 'Publish automatically' },
  scheduledLiftAt: { pl: 'Odwołaj automatycznie', en: 'Lift automatically' },
  phase: { pl: 'Stan', en: 'State' },
};

/** Whether an error in `field` names it as the admin does (the drift test asks it of every field). */
export const hasFieldLabel = (field: string): boolean => Object.hasOwn(LABELS, field);

/** `['channels', 0, 'value']` → `Kanały kontaktu › 1 › Wartość` (positions counted from 1). */
export function describePath(path: readonly PropertyKey[], language: MessageLanguage): string {
  return path
    .map((segment) =>
      typeof segment === 'number' ? String(segment + 1) : (LABELS[String(segment)]?.[language] ?? String(segment)),
    )
    .join(' › ');
}
