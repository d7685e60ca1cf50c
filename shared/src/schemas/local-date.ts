import * as z from 'zod';
import { isLocalDate } from '../time/zoned.ts';

const ISO_INSTANT = z.iso.datetime({ offset: true });

/** True for an ISO 8601 date and time with `Z` or an explicit offset. */
export const isInstantText = (value: string): boolean => ISO_INSTANT.safeParse(value).success;

/** A calendar date in the issuer's zone, `YYYY-MM-DD`; "until" dates include the whole day. */
export const LocalDateSchema = z.string().refine(isLocalDate, { params: { rule: 'local-date' } });

/**
 * An instant with an explicit offset (`2020-03-16T08:00:00+01:00` or `…Z`). Output is a `Date`:
 * JSON carries ISO strings, code works with instants; a `Date` serialises back to a valid input.
 */
export const InstantSchema = z
  .string()
  .refine(isInstantText, { params: { rule: 'instant' } })
  .transform((value) => new Date(value));
