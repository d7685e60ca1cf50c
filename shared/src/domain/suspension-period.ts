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
  notice: Pick<Notice, 'effectiveFrom' | 'effectiveUntil' | 'timeZone'>,
): SuspensionPeriod {
  const start = suspension.from ? startOfLocalDay(suspension.from, notice.timeZone) : notice.effectiveFrom;
  if (suspension.untilFurtherNotice) return { start, end: undefined };
  const end = suspension.until ? endOfLocalDay(suspension.until, notice.timeZone) : notice.effectiveUntil;
  return { start, end };
}
