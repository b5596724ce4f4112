import { z } from 'zod';

/**
 * The PATCH form of a body schema: every field optional and no defaults, so a field the
 * caller left out keeps its stored value instead of being reset to its default.
 */
export function patchOf<T extends z.ZodRawShape>(schema: z.ZodObject<T>) {
  const shape = Object.fromEntries(Object.entries(schema.shape).map(([k, v]) => [k, v instanceof z.ZodDefault ? v.unwrap() : v]));
  return z
    .object(shape as { [K in keyof T]: T[K] extends z.ZodDefault<infer I> ? I : T[K] })
    .partial()
    .strict();
}
