import { z } from 'zod';
import { drawingSchema } from './figure/schema.js';
import { categorySlugs, cautionSlugs, complaintSlugs, lifestyleSlugs, regionSlugs, toolSlugs } from './vocabulary.js';

const sentence = (max: number) => z.string().trim().min(2).max(max);
const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lower-case letters, digits and dashes')
  .max(80);

export const doseSchema = z
  .object({
    holdSeconds: z.number().int().min(1).max(600).optional(),
    reps: z.number().int().min(1).max(100).optional(),
    sets: z.number().int().min(1).max(10).optional(),
    /** Minutes of work for timed items such as rolling or breathing. */
    minutes: z.number().min(0.5).max(60).optional(),
    timesPerDay: z.number().int().min(1).max(10).optional(),
    daysPerWeek: z.number().int().min(1).max(7),
    /** Self-massage only: how firm, 0 (none) to 10 (as hard as can be borne). */
    pressure: z.number().int().min(0).max(10).optional(),
    perSide: z.boolean().optional(),
  })
  .strict();

/** A self-care item as written in content/exercises and as sent by the API. */
export const exerciseContentSchema = z
  .object({
    slug,
    name: sentence(80),
    /** One line in the client's own words: why they would do this. */
    purpose: sentence(160),
    category: z.enum(categorySlugs),
    regions: z.array(z.enum(regionSlugs)).min(1),
    muscles: z.array(sentence(60)).default([]),
    complaints: z.array(z.enum(complaintSlugs)).min(1),
    lifestyle: z.array(z.enum(lifestyleSlugs)).default([]),
    /** Each inner list is one need met by any of its tools; [] needs nothing. */
    tools: z.array(z.array(z.enum(toolSlugs)).min(1)).default([]),
    excludedBy: z.array(z.enum(cautionSlugs)).default([]),
    cautionWith: z.array(z.enum(cautionSlugs)).default([]),
    steps: z.array(sentence(300)).min(3).max(7),
    cues: z.array(sentence(200)).default([]),
    mistakes: z.array(sentence(200)).default([]),
    stopIf: sentence(200),
    /** When to get medical help, shown to the client as "Get help if…" (e.g. a hot, swollen calf). */
    getHelp: sentence(240).optional(),
    /** Plain words for the client about a caution that warns (not excludes), when the generic line is not enough. */
    watchFor: z.partialRecord(z.enum(cautionSlugs), sentence(200)).default({}),
    /** The therapist should teach and watch it in the room before the client does it alone. */
    teachInRoom: z.boolean().default(false),
    dose: doseSchema,
    difficulty: z.enum(['easy', 'moderate', 'harder']),
    easier: z.array(slug).default([]),
    harder: z.array(slug).default([]),
    /** The pose the drawing starts from: content/poses/<pose>.json. */
    pose: slug.optional(),
    /** How the drawing departs from the pose: worked side, props, movement (src/shared/figure). */
    drawing: drawingSchema.optional(),
  })
  .strict();

export type ExerciseContent = z.infer<typeof exerciseContentSchema>;
export type Dose = z.infer<typeof doseSchema>;
