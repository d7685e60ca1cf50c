import type { Notice } from '../schemas/notice.ts';
import type { Suspension } from '../schemas/suspension.ts';
import { endOfLocalDay, startOfLocalDay } from '../time/zoned.ts';

/** The instants a facility change starts and ends, in the notice's zone (end exclusive). */
export interface SuspensionPeriod {
  start: Date;
  /** Undefined: until further notice. */
  end: Date | undefined;
}

/**
 * Dates on a suspension are whole local days; without them it follows the notice's own period,
 * unless it is marked "until further notice".
 */
export function suspensionPeriod(
  suspension: Suspension,
  notice: Pick<Notice, 'effectiveFrom' | 'effectiveUntil' | 'timeZone'> & { liftedAt?: Date | undefined },
): SuspensionPeriod {
  const start = suspension.from ? startOfLocalDay(suspension.from, notice.timeZone) : notice.effectiveFrom;
  if (suspension.untilFurtherNotice) return { start, end: notice.liftedAt };
  const planned = suspension.until ? endOfLocalDay(suspension.until, notice.timeZone) : notice.effectiveUntil;
  // Lifting the notice ends every facility change still running at that moment.
  const { liftedAt } = notice;
  const end = liftedAt && (!planned || liftedAt < planned) ? liftedAt : planned;
  return { start, end };
}
