import * as z from 'zod';
import { singleLine } from './text.ts';
import { HttpUrlSchema } from './url.ts';

/** Where the notice was first published or reprinted from. */
export const SourceSchema = z.object({
  name: singleLine({ max: 160 }),
  url: HttpUrlSchema.optional(),
});

export type Source = z.output<typeof SourceSchema>;
