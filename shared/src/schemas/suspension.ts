import * as z from 'zod';
import { LocalDateSchema } from './local-date.ts';
import { singleLine } from './text.ts';

/**
 * How a facility works during the notice. `open` says a facility named by the notice works as
 * usual (two branches closed, two "bez zmian"): residents need that as much as the closures.
 */
export const SUSPENSION_MODES = ['closed', 'by-appointment', 'remote-only', 'limited-hours', 'open'] as const;
export const SuspensionModeSchema = z.enum(SUSPENSION_MODES);

/**
 * A change to how one facility (or group of facilities) works. Dates are calendar days in the
 * notice's time zone; `until` includes that whole day. With neither `until` nor
 * `untilFurtherNotice`, the change lasts as long as the notice itself.
 */
export const SuspensionSchema = z
  .object({
    facility: singleLine({ min: 3, max: 200 }),
    mode: SuspensionModeSchema,
    hours: singleLine({ max: 160 }).optional(),
    scope: singleLine({ max: 300 }).optional(),
    from: LocalDateSchema.optional(),
    until: LocalDateSchema.optional(),
    untilFurtherNotice: z.boolean().default(false),
  })
  .superRefine((suspension, ctx) => {
    if (suspension.mode === 'limited-hours' && !suspension.hours) {
      ctx.addIssue({ code: 'custom', path: ['hours'], params: { rule: 'suspension-hours-required' } });
    }
    if (suspension.until && suspension.untilFurtherNotice) {
      ctx.addIssue({ code: 'custom', path: ['untilFurtherNotice'], params: { rule: 'until-or-further-notice' } });
    }
    // ISO calendar dates compare correctly as strings.
    if (suspension.from && suspension.until && suspension.until < suspension.from) {
      ctx.addIssue({ code: 'custom', path: ['until'], params: { rule: 'until-before-from' } });
    }
  });

export type Suspension = z.output<typeof SuspensionSchema>;
