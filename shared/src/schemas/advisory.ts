import * as z from 'zod';
import { multiLine, singleLine } from './text.ts';

export const ADVISORY_TONES = ['info', 'warning'] as const;

/** A callout such as "stay home if you have symptoms". */
export const AdvisorySchema = z.object({
  tone: z.enum(ADVISORY_TONES).default('info'),
  title: singleLine({ max: 120 }).optional(),
  text: multiLine({ max: 1000 }),
});

export type Advisory = z.output<typeof AdvisorySchema>;
