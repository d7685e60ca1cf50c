import * as z from 'zod';
import { InstantSchema } from './local-date.ts';

/** At most this many announced versions are kept per language (the oldest go first). */
export const MAX_PUBLICATIONS = 50;

/**
 * One announced version of a notice in one language, as the CMS recorded it when it was
 * published: its revision, when it was sent, and what it said (the snapshot's notice fields,
 * without the CMS's dates). CAP needs it: every Update and Cancel names the messages it follows
 * by identifier and sent time, and each of those messages stays available as it was sent.
 * The text is checked only when a message is made from it, so a history written by an older
 * version of the model can never stop a build.
 */
export const PublicationSchema = z.object({
  revision: z.number().int().min(1),
  sent: InstantSchema,
  notice: z.record(z.string(), z.unknown()),
});

export type Publication = z.output<typeof PublicationSchema>;
