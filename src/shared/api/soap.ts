import { z } from 'zod';
import { areaSchema, findingSchema } from './clients.js';
import { feelingsSchema } from './today.js';

/** What the client reported between their last session and now: the session form pre-fills "S" from it. */
export const sinceLastSessionSchema = z.object({
  /** The last session's date; null for a first session. */
  since: z.string().nullable(),
  checkIns: z.number(),
  doneDays: z.number(),
  feelings: feelingsSchema,
  notes: z.array(z.object({ date: z.string(), note: z.string() })),
  openQuestions: z.array(z.object({ id: z.string(), text: z.string() })),
  report: z.enum(['most-days', 'some-days', 'not-really']).nullable(),
  /** The report as a few plain lines, ready to become the session's "S". */
  summary: z.string(),
});
export type SinceLastSession = z.infer<typeof sinceLastSessionSchema>;

export const soapSchema = z.object({
  sessionId: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  date: z.string(),
  subjective: z.string().nullable(),
  objective: z.object({
    areasWorked: z.array(areaSchema),
    areasNeedingMoreTime: z.array(areaSchema),
    findings: z.array(findingSchema),
    notes: z.string().nullable(),
  }),
  assessment: z.string().nullable(),
  plan: z.object({
    homework: z.array(z.object({ name: z.string(), dose: z.string(), note: z.string().nullable() })),
    /** The visit booked at this session's checkout, as an instant with offset. */
    nextVisit: z.string().nullable(),
    notRebookedReason: z.string().nullable(),
  }),
});
export type Soap = z.infer<typeof soapSchema>;
