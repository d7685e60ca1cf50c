import * as z from 'zod';
import { singleLine } from './text.ts';
import { HttpUrlSchema } from './url.ts';

export const LinkSchema = z.object({
  label: singleLine({ max: 160 }),
  url: HttpUrlSchema,
});

/** A file published with the notice; the CMS resolves media to absolute URLs before export. */
export const AttachmentSchema = z.object({
  label: singleLine({ max: 160 }),
  url: HttpUrlSchema,
  mime: z
    .string()
    .refine((value) => /^[a-z]+\/[a-z0-9.+-]{1,100}$/.test(value), { params: { rule: 'mime' } })
    .optional(),
  bytes: z.number().int().nonnegative().optional(),
});

export type Link = z.output<typeof LinkSchema>;
export type Attachment = z.output<typeof AttachmentSchema>;
