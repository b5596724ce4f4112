import { z } from 'zod';

/** Weekday 1 is Monday, 7 is Sunday (ISO-8601; `isoWeekday` in src/shared/time/zone.ts). */
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
export const weekdayName = (weekday: number) => WEEKDAY_NAMES[weekday - 1] ?? `Day ${weekday}`;

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 09:00');
const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-12-24')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T12:00:00Z`)) && new Date(`${s}T12:00:00Z`).toISOString().startsWith(s), 'Not a real date');

export const workingRange = z.object({ weekday: z.number().int().min(1).max(7), start: clockTime, end: clockTime }).strict();
export type WorkingRange = z.infer<typeof workingRange>;
export const dayOff = z.object({ date: localDate, reason: z.string().trim().max(200).optional() }).strict();

/** Ranges that end before they start, or overlap another range of the same day, with the day named. */
export function workingRangeProblems(weekly: WorkingRange[]): { index: number; message: string }[] {
  const problems: { index: number; message: string }[] = [];
  weekly.forEach((r, index) => {
    const day = weekdayName(r.weekday);
    if (r.end <= r.start) problems.push({ index, message: `${day}: ${r.start}–${r.end} ends before it starts` });
    const other = weekly.findIndex((o, j) => j < index && o.weekday === r.weekday && o.start < r.end && r.start < o.end);
    if (other >= 0 && r.end > r.start)
      problems.push({ index, message: `${day}: ${r.start}–${r.end} overlaps ${weekly[other].start}–${weekly[other].end}` });
  });
  return problems;
}

export const workingHoursBody = z
  .object({
    /** The practice's zone; ignored when sent, since working hours always follow the practice's clock. */
    timezone: z.string().optional(),
    weekly: z.array(workingRange).max(70),
    daysOff: z.array(dayOff).max(400),
  })
  .strict()
  .superRefine((b, ctx) => {
    for (const p of workingRangeProblems(b.weekly)) ctx.addIssue({ code: 'custom', path: ['weekly', p.index, 'end'], message: p.message });
    const seen = new Set<string>();
    b.daysOff.forEach((d, i) => {
      if (seen.has(d.date)) ctx.addIssue({ code: 'custom', path: ['daysOff', i, 'date'], message: `${d.date} is listed twice` });
      seen.add(d.date);
    });
  });

export const workingHoursSchema = z.object({
  memberId: z.string(),
  timezone: z.string(),
  weekly: z.array(workingRange),
  daysOff: z.array(z.object({ date: z.string(), reason: z.string().optional() })),
  /** False until the therapist saves their hours: the week shown is the assumed Monday-to-Friday one. */
  saved: z.boolean(),
});
export type WorkingHours = z.infer<typeof workingHoursSchema>;
