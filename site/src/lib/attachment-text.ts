import { type Attachment, LOCALE_REGISTRY, type Locale } from '@tablica/shared';

/** The names residents know file types by; anything else is named by its extension. */
const FILE_TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/msword': 'DOC',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.ms-excel': 'XLS',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
  'image/png': 'PNG',
  'image/jpeg': 'JPG',
  'image/webp': 'WEBP',
  'image/gif': 'GIF',
};

function typeName({ mime, url }: Pick<Attachment, 'mime' | 'url'>): string | undefined {
  if (mime && FILE_TYPE_NAMES[mime]) return FILE_TYPE_NAMES[mime];
  const extension = /\.([a-z0-9]{2,5})$/i.exec(new URL(url).pathname)?.[1];
  return extension?.toUpperCase();
}

/** Sizes in kB or MB (1000-based, as Strapi and file managers on phones count them). */
function sizeText(bytes: number, locale: Locale): string {
  const { intl } = LOCALE_REGISTRY[locale];
  const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : [Math.max(1, bytes / 1000), 'kilobyte'];
  return new Intl.NumberFormat(intl, {
    style: 'unit',
    unit,
    maximumFractionDigits: unit === 'megabyte' && value < 10 ? 1 : 0,
  }).format(value);
}

/**
 * What a resident needs before tapping an attachment on a phone: its type and size,
 * "PDF, 22 kB" — not "application/pdf". Empty when neither is known.
 */
export function attachmentDescription(attachment: Pick<Attachment, 'mime' | 'url' | 'bytes'>, locale: Locale): string {
  return [typeName(attachment), attachment.bytes === undefined ? undefined : sizeText(attachment.bytes, locale)]
    .filter(Boolean)
    .join(', ');
}
