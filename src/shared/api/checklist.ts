import { z } from 'zod';

export const CHECKLIST_ITEMS = ['timezone-and-hours', 'sender-name', 'first-client', 'first-session', 'first-homework-sent'] as const;
export type ChecklistItemKey = (typeof CHECKLIST_ITEMS)[number];

export const checklistSchema = z.object({
  items: z.array(
    z.object({
      key: z.enum(CHECKLIST_ITEMS),
      label: z.string(),
      done: z.boolean(),
      /** Where in the app it is done. */
      href: z.string(),
    }),
  ),
  done: z.number().int(),
  total: z.number().int(),
  dismissedAt: z.string().nullable(),
  /** Shown until everything is done or the owner hides it. */
  show: z.boolean(),
});
export type Checklist = z.infer<typeof checklistSchema>;
