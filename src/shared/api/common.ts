import { z } from 'zod';

export const emailSchema = z.string().trim().toLowerCase().email('Enter an email address like name@example.com').max(254);
export const passwordSchema = z.string().min(10, 'Use at least 10 characters').max(200, 'Use at most 200 characters');
/** Names go into email headers and calendar files, where a line break would start a new header. */
export const NO_LINE_BREAKS = [/^[^\r\n]*$/, 'Use one line, without line breaks'] as const;
export const nameSchema = z
  .string()
  .trim()
  .min(1, 'Enter a name')
  .max(120)
  .regex(...NO_LINE_BREAKS);
export const idSchema = z.string().uuid('Not a valid id');
export const idParams = z.object({ id: idSchema });

export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
    requestId: z.string().optional(),
  }),
});
export type ApiError = z.infer<typeof errorSchema>['error'];

export const okSchema = z.object({ ok: z.literal(true) });
