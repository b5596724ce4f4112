import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-06-30');
const measure = z.number().min(-1_000_000).max(1_000_000);

export const goalBody = z
  .object({
    statement: z.string().trim().min(3, 'Write the goal in the client’s words').max(300),
    unit: z.string().trim().max(40).nullable().optional(),
    baseline: measure.nullable().optional(),
    target: measure.nullable().optional(),
    targetDate: isoDate.nullable().optional(),
  })
  .strict();
export const goalPatch = goalBody.partial().extend({ achieved: z.boolean().optional() }).strict();
export const progressEntryBody = z.object({ value: measure, note: z.string().trim().max(300).optional() }).strict();

export const goalSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  statement: z.string(),
  unit: z.string().nullable(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  targetDate: z.string().nullable(),
  achievedAt: z.string().nullable(),
  createdAt: z.string(),
  progress: z.array(
    z.object({ value: z.number(), note: z.string().nullable(), recordedBy: z.enum(['therapist', 'client']), recordedAt: z.string() }),
  ),
});
export type Goal = z.infer<typeof goalSchema>;
