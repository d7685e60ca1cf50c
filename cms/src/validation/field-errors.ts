import { errors } from '@strapi/utils';
import type { FieldError } from '@tablica/shared';
import { toStrapiPath } from '../content/to-shared';

/** Polish plurals: 2 pola oznaczone, 5 pól oznaczonych, 22 pola oznaczone. */
export function fieldsMarked(count: number): string {
  const few = count % 10 >= 2 && count % 10 <= 4 && (count % 100 < 12 || count % 100 > 14);
  return few ? `${count} pola oznaczone` : `${count} pól oznaczonych`;
}

/**
 * Throws Strapi's ValidationError with one entry per failing field: the admin panel shows each
 * message next to its field, a REST client gets a 400 with the same details.
 */
export function throwFieldErrors(fieldErrors: readonly FieldError[]): never {
  const count = fieldErrors.length;
  const summary =
    count === 1
      ? `Popraw 1 pole: ${fieldErrors[0]?.location} — ${fieldErrors[0]?.message}`
      : `Popraw ${fieldsMarked(count)} w formularzu.`;
  throw new errors.ValidationError(summary, {
    errors: fieldErrors.map((error) => ({
      path: toStrapiPath(error.path),
      message: error.message,
      name: 'ValidationError',
      value: null,
    })),
  });
}
