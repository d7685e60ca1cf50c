import * as z from 'zod';
import { multiLine } from './text.ts';

/** One numbered step of what residents should do; procedure 3 of the seed has two sub-items. */
export const ProcedureStepSchema = z.object({
  text: multiLine({ max: 1500 }),
  items: z
    .array(multiLine({ max: 500 }))
    .max(20)
    .default([]),
  /** Text that follows the sub-items ("In that case the matter is handled remotely only."). */
  note: multiLine({ max: 1000 }).optional(),
});

export type ProcedureStep = z.output<typeof ProcedureStepSchema>;
