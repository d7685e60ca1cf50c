import { describePath } from '../i18n/field-labels.ts';
import type { MessageLanguage } from '../i18n/messages.ts';
import { type Snapshot, SnapshotSchema } from '../schemas/snapshot.ts';
import { type FieldError, formatFieldErrors, validate } from '../validation.ts';
import { resolveRelativeDates } from './relative-dates.ts';

export class SnapshotError extends Error {
  readonly source: string;
  readonly errors: FieldError[];

  constructor(source: string, errors: FieldError[]) {
    super(`Tablica: the content snapshot ${source} is invalid:\n${formatFieldErrors(errors)}`);
    this.name = 'SnapshotError';
    this.source = source;
    this.errors = errors;
  }
}

export interface LoadSnapshotOptions {
  /** The day relative dates count from; defaults to the current time. */
  now?: Date;
  /** Where the snapshot came from, for error messages. */
  source?: string;
  language?: MessageLanguage;
  /** Resolve "@today…" dates: snapshot files (the demo's format) have them; an export of the CMS does not. */
  relativeDates?: boolean;
}

/** Validates a snapshot file (resolving its relative dates); throws a SnapshotError naming every bad field. */
export function loadSnapshot(
  raw: unknown,
  { now = new Date(), source = 'snapshot', language = 'en', relativeDates = true }: LoadSnapshotOptions = {},
): Snapshot {
  const resolved = relativeDates ? resolveRelativeDates(raw, now) : raw;
  const result = validate(SnapshotSchema, resolved, { language });
  if (!result.success)
    throw new SnapshotError(
      source,
      result.errors.map((error) => nameEntry(error, resolved, language)),
    );
  return result.data;
}

/** Prefixes an error inside a notice or institution with that entry's slug (and locale). */
export function nameEntry(error: FieldError, snapshot: unknown, language: MessageLanguage): FieldError {
  const [collection, index] = error.path;
  if ((collection !== 'notices' && collection !== 'institutions') || typeof index !== 'number') return error;
  const entry = (snapshot as Record<string, unknown[]>)[collection]?.[index] as Record<string, unknown> | undefined;
  const slug = typeof entry?.slug === 'string' ? entry.slug : `#${index + 1}`;
  const locale = typeof entry?.locale === 'string' ? `, locale ${entry.locale}` : '';
  const kind = collection === 'notices' ? 'notice' : 'institution';
  return {
    ...error,
    location: [`${kind} "${slug}"${locale}`, describePath(error.path.slice(2), language)].filter(Boolean).join(' › '),
  };
}
