/**
 * Strapi documents → the shapes of @tablica/shared (the snapshot format). The public REST API,
 * the validation middleware and the export all go through here, so the site, the feeds and the
 * CMS agree on one shape. Inputs are loosely typed on purpose: Strapi returns nulls, ids and
 * component ids that the shared model does not have.
 */
import { InstitutionSchema, PublishedNoticeSchema, SiteSettingsSchema } from '@tablica/shared';
import type { StrapiRecord } from './strapi-record';

// Only fields of the shared model leave the CMS: never createdBy/updatedBy, localizations or
// whatever a future plugin adds to a document.
const NOTICE_KEYS = Object.keys(PublishedNoticeSchema.in.shape);
const INSTITUTION_KEYS = Object.keys(InstitutionSchema.shape);
const SITE_SETTINGS_KEYS = Object.keys(SiteSettingsSchema.shape);

function pick(value: StrapiRecord, keys: readonly string[]): StrapiRecord {
  const result: StrapiRecord = {};
  for (const key of keys) if (value[key] !== undefined) result[key] = value[key];
  return result;
}

const isRecord = (value: unknown): value is StrapiRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Drops nulls, Strapi's ids and component markers, recursively; keeps `documentId` only at the top. */
export function clean(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clean);
  if (value instanceof Date) return value.toISOString();
  if (!isRecord(value)) return value;
  const result: StrapiRecord = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === null || item === undefined || key === 'id' || key === '__component' || key === 'documentId') continue;
    result[key] = clean(item);
  }
  return result;
}

const asArray = (value: unknown): StrapiRecord[] => (Array.isArray(value) ? value.filter(isRecord) : []);
const slugOf = (value: unknown) => (isRecord(value) && typeof value.slug === 'string' ? value.slug : undefined);
const iso = (value: unknown) =>
  value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : undefined;

/** "2464011, 2466011" (as editors type it) → ["2464011", "2466011"]. */
export function splitTeryt(value: unknown): string[] {
  return typeof value === 'string' ? value.split(/[\s,;]+/).filter((code) => code.length > 0) : [];
}

function area(value: unknown) {
  if (!isRecord(value)) return undefined;
  return { ...(clean(value) as StrapiRecord), teryt: splitTeryt(value.teryt) };
}

/** Media URLs are stored relative (`/uploads/…`); feeds and embeds need them absolute. */
export function absoluteMediaUrl(url: unknown, mediaBaseUrl: string): string | undefined {
  if (typeof url !== 'string') return undefined;
  return /^https?:\/\//.test(url) ? url : `${mediaBaseUrl.replace(/\/$/, '')}${url.startsWith('/') ? '' : '/'}${url}`;
}

export interface MappingOptions {
  /** Where relative media URLs are served from (the CMS's public URL). */
  mediaBaseUrl: string;
}

export function toSharedNotice(entity: StrapiRecord, { mediaBaseUrl }: MappingOptions): StrapiRecord {
  const {
    institution,
    supersedes,
    procedures,
    attachments,
    area: areaValue,
    body,
    signLanguageVideo,
    ...rest
  } = entity;
  const notice: StrapiRecord = {
    ...(clean(rest) as StrapiRecord),
    institution: slugOf(institution),
    supersedes: slugOf(supersedes),
    procedures: asArray(procedures).map((step) => ({
      ...(clean(step) as StrapiRecord),
      items: asArray(step.items).map((item) => item.text),
    })),
    attachments: asArray(attachments).map((attachment) => {
      const file = isRecord(attachment.file) ? attachment.file : {};
      return clean({
        label: attachment.label,
        url: absoluteMediaUrl(file.url, mediaBaseUrl),
        mime: file.mime,
        // Strapi keeps sizes in kB of 1000 bytes.
        bytes: typeof file.size === 'number' ? Math.round(file.size * 1000) : undefined,
      });
    }),
    area: area(areaValue),
    signLanguageVideo: signLanguage(signLanguageVideo, mediaBaseUrl),
    // Blocks keep their own structure (and may contain empty text runs): only nulls go.
    body: Array.isArray(body) && body.length > 0 ? clean(body) : undefined,
    effectiveFrom: iso(entity.effectiveFrom),
    effectiveUntil: iso(entity.effectiveUntil),
    liftedAt: iso(entity.liftedAt),
  };
  return pick(notice, NOTICE_KEYS);
}

/** The PJM video: the uploaded file when there is one (played on the page), else the link. */
function signLanguage(value: unknown, mediaBaseUrl: string): StrapiRecord | undefined {
  if (!isRecord(value)) return undefined;
  if (isRecord(value.file)) {
    const url = absoluteMediaUrl(value.file.url, mediaBaseUrl);
    return clean({ kind: 'file', url, mime: value.file.mime }) as StrapiRecord;
  }
  return typeof value.link === 'string' && value.link.trim() !== ''
    ? { kind: 'link', url: value.link.trim() }
    : undefined;
}

export function toSharedInstitution(entity: StrapiRecord, { mediaBaseUrl }: MappingOptions): StrapiRecord {
  const { logo, area: areaValue, notices: _notices, ...rest } = entity;
  const institution: StrapiRecord = {
    ...(clean(rest) as StrapiRecord),
    logo: isRecord(logo) ? absoluteMediaUrl(logo.url, mediaBaseUrl) : undefined,
    area: area(areaValue),
  };
  return pick(institution, INSTITUTION_KEYS);
}

export function toSharedSiteSettings(entity: StrapiRecord): StrapiRecord {
  const settings = clean(entity) as StrapiRecord;
  const statement = isRecord(settings.accessibilityStatement) ? settings.accessibilityStatement : undefined;
  if (statement) {
    for (const list of ['nonAccessibleContent', 'exemptions']) {
      statement[list] = asArray(statement[list]).map((item) => item.text);
    }
  }
  return pick(settings, SITE_SETTINGS_KEYS);
}

/**
 * Paths of the shared schema → paths of Strapi's form, so the admin panel shows each message
 * next to the field the editor must change.
 */
export function toStrapiPath(path: readonly (string | number)[]): string[] {
  const segments = path.map(String);
  const [first, index, field, itemIndex] = segments;
  if (first === 'procedures' && field === 'items' && itemIndex !== undefined) return [...segments.slice(0, 4), 'text'];
  if (first === 'area' && index === 'teryt') return ['area', 'teryt'];
  if (first === 'attachments' && field === 'url') return ['attachments', index ?? '0', 'file'];
  // The PJM video: a wrong type is the chosen file's; a wrong address, the link the editor typed.
  if (first === 'signLanguageVideo' && index !== undefined) {
    return ['signLanguageVideo', index === 'mime' ? 'file' : 'link'];
  }
  if (
    first === 'accessibilityStatement' &&
    (index === 'nonAccessibleContent' || index === 'exemptions') &&
    field !== undefined
  ) {
    return [...segments.slice(0, 3), 'text'];
  }
  return segments;
}
