import type { StrapiRecord } from '../content/strapi-record';

/**
 * What an editor may schedule (src/publishing/scheduler.ts): a time still to come — a time
 * already past would act at once, which "Opublikuj" and "Odwołaj teraz" do more plainly — and a
 * lifting after the publication. Only a time the editor changes is judged: a stored one that has
 * since passed is the scheduler's to act on.
 */
export const SCHEDULE_FIELDS = ['scheduledPublishAt', 'scheduledLiftAt'] as const;

const instant = (value: unknown): Date | undefined => {
  if (value === null || value === undefined || value === '') return undefined;
  const date = new Date(value as string);
  return Number.isNaN(date.getTime()) ? undefined : date;
};

export function scheduleProblems(
  data: StrapiRecord,
  existing: StrapiRecord | null,
  now: Date,
): { field: (typeof SCHEDULE_FIELDS)[number]; rule: string }[] {
  const problems: { field: (typeof SCHEDULE_FIELDS)[number]; rule: string }[] = [];
  for (const field of SCHEDULE_FIELDS) {
    const requested = instant(data[field]);
    const stored = instant(existing?.[field]);
    if (requested && requested.getTime() !== stored?.getTime() && requested <= now) {
      problems.push({ field, rule: 'schedule-in-past' });
    }
  }
  const after = (field: (typeof SCHEDULE_FIELDS)[number]) =>
    data[field] === undefined ? instant(existing?.[field]) : instant(data[field]);
  const [publishAt, liftAt] = [after('scheduledPublishAt'), after('scheduledLiftAt')];
  if (publishAt && liftAt && liftAt <= publishAt && !problems.some((problem) => problem.field === 'scheduledLiftAt')) {
    problems.push({ field: 'scheduledLiftAt', rule: 'schedule-lift-before-publish' });
  }
  return problems;
}
