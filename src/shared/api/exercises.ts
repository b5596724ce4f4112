import { z } from 'zod';
import { exerciseContentSchema } from '../exercise.js';
import { patchOf } from './patch.js';
import { categorySlugs, complaintSlugs, regionSlugs, toolSlugs } from '../vocabulary.js';

export const MEDIA_LIMITS = {
  image: { maxBytes: 8 * 1024 * 1024, types: ['image/jpeg', 'image/png', 'image/webp'] },
  video: { maxBytes: 60 * 1024 * 1024, types: ['video/mp4', 'video/webm', 'video/quicktime'] },
} as const;

export const mediaSchema = z.object({
  id: z.string(),
  kind: z.enum(['image', 'video']),
  mime: z.string(),
  bytes: z.number(),
  url: z.string(),
});

export const exerciseSchema = exerciseContentSchema.extend({
  id: z.string(),
  source: z.enum(['builtin', 'custom']),
  basedOn: z.string().nullable(),
  favourite: z.boolean(),
  media: z.array(mediaSchema),
});
export type Exercise = z.infer<typeof exerciseSchema>;

export const exerciseQuery = z.object({
  q: z.string().trim().max(100).optional(),
  region: z.enum(regionSlugs).optional(),
  tool: z.enum([...toolSlugs, 'none']).optional(),
  complaint: z.enum(complaintSlugs).optional(),
  category: z.enum(categorySlugs).optional(),
  source: z.enum(['builtin', 'custom', 'favourites']).optional(),
  pack: z.string().max(80).optional(),
});
export type ExerciseQuery = z.infer<typeof exerciseQuery>;

/** A custom item: the same fields as a built-in, slug optional (made from the name), optionally a copy of another item. */
export const customExerciseBody = exerciseContentSchema
  .omit({ slug: true })
  .extend({ slug: exerciseContentSchema.shape.slug.optional(), basedOn: z.string().max(80).optional() });
export const customExercisePatch = patchOf(exerciseContentSchema.omit({ slug: true }));

export const packSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  source: z.enum(['builtin', 'custom']),
  exerciseIds: z.array(z.string()),
});
export const packBody = z.object({
  name: z.string().trim().min(1, 'Name the pack, like "Desk worker"').max(80),
  description: z.string().trim().max(300).nullable().optional(),
  exerciseIds: z.array(z.string().max(80)).max(30, 'A pack holds at most 30 items').default([]),
});
