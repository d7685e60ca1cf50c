import * as z from 'zod';
import { describePath } from './i18n/field-labels.ts';
import { BUILTIN_MESSAGES, EDITOR_LANGUAGE, type MessageLanguage, ruleMessage } from './i18n/messages.ts';
import { InstitutionSchema } from './schemas/institution.ts';
import { NoticeInputSchema, PublishedNoticeSchema } from './schemas/notice.ts';
import { SiteSettingsSchema } from './schemas/site-settings.ts';

const zodLocales = { pl: z.locales.pl(), en: z.locales.en() } as const;

/**
 * The error map every Tablica validation uses: our rules by their `params.rule`, Zod's common
 * checks in our own words, and Zod's locale for anything rarer.
 */
export function tablicaErrorMap(language: MessageLanguage): z.core.$ZodErrorMap {
  const builtin = BUILTIN_MESSAGES;
  return (issue) => {
    const params = (issue as { params?: Record<string, unknown> }).params;
    const rule = typeof params?.rule === 'string' ? params.rule : undefined;
    if (rule) {
      const message = ruleMessage(rule, language, params ?? {});
      if (message) return message;
    }
    // A missing value fails as a type or as an enum; either way the editor must fill it in.
    if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && (issue.input ?? null) === null) {
      return builtin.required[language];
    }
    switch (issue.code) {
      case 'too_small':
        if (issue.origin === 'string') {
          return Number(issue.minimum) <= 1
            ? builtin.empty[language]
            : builtin.tooShort[language](Number(issue.minimum));
        }
        if (issue.origin === 'array') return builtin.tooFewItems[language](Number(issue.minimum));
        if (issue.origin === 'number') return builtin.numberRange[language](issue.minimum, undefined);
        break;
      case 'too_big':
        if (issue.origin === 'string') {
          // Characters as a person counts them (code points), the way Zod measures the limit.
          const length = typeof issue.input === 'string' ? [...issue.input].length : Number(issue.maximum);
          return builtin.tooLong[language](Number(issue.maximum), length);
        }
        if (issue.origin === 'array') return builtin.tooManyItems[language](Number(issue.maximum));
        if (issue.origin === 'number') return builtin.numberRange[language](undefined, issue.maximum);
        break;
      case 'invalid_value':
        return builtin.choose[language](issue.values.map(String).join(', '));
    }
    return zodLocales[language].localeError(issue);
  };
}

/** One problem with one field, ready to show next to that field. */
export interface FieldError {
  /** Machine path, e.g. `['channels', 0, 'value']`. */
  path: (string | number)[];
  /** Dotted path as Strapi's admin panel expects it, e.g. `channels.0.value`. */
  field: string;
  /** Human path, e.g. `Kanały kontaktu › 1 › Wartość`. */
  location: string;
  message: string;
}

export type ValidationResult<T> = { success: true; data: T } | { success: false; errors: FieldError[] };

export interface ValidateOptions {
  language?: MessageLanguage;
}

export function toFieldErrors(error: z.ZodError, language: MessageLanguage = EDITOR_LANGUAGE): FieldError[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
    return { path, field: path.join('.'), location: describePath(path, language), message: issue.message };
  });
}

/** Parses `data` with `schema`; on failure, one FieldError per problem, in the chosen language. */
export function validate<Schema extends z.ZodType>(
  schema: Schema,
  data: unknown,
  { language = EDITOR_LANGUAGE }: ValidateOptions = {},
): ValidationResult<z.output<Schema>> {
  const result = schema.safeParse(data, { error: tablicaErrorMap(language) });
  return result.success
    ? { success: true, data: result.data }
    : { success: false, errors: toFieldErrors(result.error, language) };
}

export const validateNoticeInput = (data: unknown, options?: ValidateOptions) =>
  validate(NoticeInputSchema, data, options);
export const validatePublishedNotice = (data: unknown, options?: ValidateOptions) =>
  validate(PublishedNoticeSchema, data, options);
export const validateInstitution = (data: unknown, options?: ValidateOptions) =>
  validate(InstitutionSchema, data, options);
export const validateSiteSettings = (data: unknown, options?: ValidateOptions) =>
  validate(SiteSettingsSchema, data, options);

/** A readable multi-line report, for build logs and command-line tools. */
export function formatFieldErrors(errors: readonly FieldError[]): string {
  return errors.map((error) => `- ${error.field} (${error.location}): ${error.message}`).join('\n');
}
