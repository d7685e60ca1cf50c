import type { Notice } from '../schemas/notice.ts';
import { suspensionPeriod } from './suspension-period.ts';

/**
 * The next instant after `now` at which any notice (or any of its facility changes) starts or
 * ends, or undefined when nothing is scheduled. The publisher rebuilds the site at that instant
 * so a static page never claims a finished suspension is still on.
 */
export function nextChangeAt(
  notices: readonly Pick<Notice, 'effectiveFrom' | 'effectiveUntil' | 'liftedAt' | 'timeZone' | 'suspensions'>[],
  now: Date,
): Date | undefined {
  let next: number | undefined;
  const consider = (instant: Date | undefined) => {
    if (!instant) return;
    const time = instant.getTime();
    if (time > now.getTime() && (next === undefined || time < next)) next = time;
  };
  for (const notice of notices) {
    consider(notice.effectiveFrom);
    consider(notice.effectiveUntil);
    consider(notice.liftedAt);
    for (const suspension of notice.suspensions) {
      const period = suspensionPeriod(suspension, notice);
      consider(period.start);
      consider(period.end);
    }
  }
  return next === undefined ? undefined : new Date(next);
}
