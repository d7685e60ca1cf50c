export const NOTICE_STATUSES = ['upcoming', 'active', 'expired'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** What status depends on: a notice, a draft, or the dates a search result carries. */
interface Period {
  effectiveFrom: Date;
  effectiveUntil?: Date | undefined;
  liftedAt?: Date | undefined;
}

/** When a notice stops being in force: lifted early, or its announced end; undefined while open-ended. */
export function effectiveEnd(notice: Period): Date | undefined {
  const { effectiveUntil, liftedAt } = notice;
  return liftedAt && (!effectiveUntil || liftedAt < effectiveUntil) ? liftedAt : effectiveUntil;
}

/**
 * Where a notice stands at `now`. The start is inclusive and the end exclusive: a notice "until
 * 25 March" (stored as the first instant of 26 March in its zone) is expired at that instant.
 */
export function noticeStatus(notice: Period, now: Date): NoticeStatus {
  if (now < notice.effectiveFrom) return 'upcoming';
  if (notice.effectiveUntil && now >= notice.effectiveUntil) return 'expired';
  if (notice.liftedAt && now >= notice.liftedAt) return 'expired';
  return 'active';
}
