import { z } from 'zod';
import { exerciseContentSchema } from '../exercise.js';
import { categorySlugs, complaintSlugs, regionSlugs, toolSlugs } from '../vocabulary.js';
import { patchOf } from './patch.js';

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
  /** Where the item's drawing is: a path on this server answering image/svg+xml (a built-in's is public). */
  drawingUrl: z.string(),
  /** One sentence saying the position in words. */
  drawingAlt: z.string(),
  /** The drawing's own size in CSS pixels, so a screen can keep its space while it loads. */
  drawingSize: z.object({ width: z.number(), height: z.number() }),
});
export type Exercise = z.infer<typeof exerciseSchema>;

export const drawingSvgQuery = z.object({
  /** The content hash from drawingUrl: a URL with the current one is cached for good. */
  v: z.string().max(40).optional(),
});
export const drawingPngQuery = z.object({
  width: z.coerce
    .number({ error: 'Give the width in pixels, like 480' })
    .int('Give the width as a whole number of pixels')
    .min(32, 'Give a width of at least 32 pixels')
    .optional(),
});

/** An item's id in a path: a library slug or a custom item's id. */
export const exerciseParams = z.object({ id: z.string().min(1).max(80) });

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
/** Changes to a custom item; null removes an optional part (its drawing, its get-help line). */
export const customExercisePatch = patchOf(exerciseContentSchema.omit({ slug: true })).extend({
  pose: exerciseContentSchema.shape.pose.unwrap().nullable().optional(),
  drawing: exerciseContentSchema.shape.drawing.unwrap().nullable().optional(),
  getHelp: exerciseContentSchema.shape.getHelp.unwrap().nullable().optional(),
});

export const packSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  source: z.enum(['builtin', 'custom']),
  exerciseIds: z.array(z.string()),
});
/** The most items one pack holds: the form, the library's "save as pack" and the server all use this. */
export const MAX_PACK_ITEMS = 30;

export const packBody = z.object({
  name: z.string().trim().min(1, 'Name the pack, like "Desk worker"').max(80),
  description: z.string().trim().max(300).nullable().optional(),
  exerciseIds: z.array(z.string().max(80)).max(MAX_PACK_ITEMS, `A pack holds at most ${MAX_PACK_ITEMS} items`).default([]),
});
