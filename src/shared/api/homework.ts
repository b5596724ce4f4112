import { z } from 'zod';
import { doseSchema } from '../exercise.js';
import { exerciseSchema } from './exercises.js';

export const suggestionSchema = z.object({
  exercise: exerciseSchema,
  score: z.number(),
  reasons: z.array(z.string()),
  warnings: z.array(z.string()),
});
export const suggestionsResponse = z.object({
  suggestions: z.array(suggestionSchema),
  excluded: z.array(z.object({ exercise: exerciseSchema, reason: z.string() })),
  active: z.number(),
  cap: z.number(),
});

export const assignBody = z
  .object({
    exerciseId: z.string().min(1).max(80),
    dose: doseSchema.optional(),
    note: z.string().trim().max(500, 'Keep the cue under 500 characters').optional(),
    /** Owner only: assign an item a caution excludes, with the reason recorded. */
    overrideReason: z.string().trim().min(10, 'Say why, in a sentence').max(500).optional(),
    /** An active item of this client retired in the same step, so the cap does not refuse this one. */
    replacesHomeworkId: z.string().uuid('Not a valid homework id').optional(),
  })
  .strict();

export const HOMEWORK_STATUSES = ['active', 'retired', 'progressed'] as const;

export const homeworkSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  sessionId: z.string().nullable(),
  exerciseId: z.string(),
  exercise: exerciseSchema.omit({ favourite: true }),
  dose: doseSchema,
  note: z.string().nullable(),
  status: z.enum(HOMEWORK_STATUSES),
  overrideReason: z.string().nullable(),
  assignedAt: z.string(),
  demonstratedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  progressedTo: z.string().nullable(),
  media: z.array(z.object({ id: z.string(), kind: z.enum(['image', 'video']), mime: z.string(), url: z.string() })),
});
export type Homework = z.infer<typeof homeworkSchema>;

export const homeworkPatch = z
  .object({
    dose: doseSchema,
    note: z.string().trim().max(500).nullable(),
    status: z.literal('retired'),
    demonstrated: z.boolean(),
  })
  .partial()
  .strict();

export const progressBody = z
  .object({ exerciseId: z.string().min(1).max(80), dose: doseSchema.optional(), note: z.string().trim().max(500).optional() })
  .strict();

export const clientLinkSchema = z.object({ url: z.string(), qrSvg: z.string() });
export const sendBody = z.object({ to: z.string().email().optional() }).strict();
export const sendResult = z.object({ emailId: z.string(), to: z.string(), items: z.number() });
