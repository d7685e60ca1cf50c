import * as z from 'zod';
import { InstantSchema } from './local-date.ts';
import { multiLine } from './text.ts';

/** A dated entry in the notice's change register ("suspension extended to 10 April"). */
export const NoticeUpdateSchema = z.object({
  at: InstantSchema,
  text: multiLine({ max: 500 }),
});

export type NoticeUpdate = z.output<typeof NoticeUpdateSchema>;
