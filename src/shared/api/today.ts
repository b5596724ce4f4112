import { z } from 'zod';
import { cautionSlugs, complaintSlugs } from '../vocabulary.js';
import { APPOINTMENT_STATUSES } from './appointments.js';
import { importedEventSchema } from './calendar-subscriptions.js';

/** Days looked back for "how the homework went": done days are out of the last 14 at most. */
export const ADHERENCE_WINDOW_DAYS = 14;

export const todayQuery = z.object({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-03-14')
    .refine((d) => !Number.isNaN(Date.parse(`${d}T12:00:00Z`)) && new Date(`${d}T12:00:00Z`).toISOString().startsWith(d), 'Not a real date')
    .optional(),
  therapistId: z.string().uuid('Not a valid id').optional(),
});

export const feelingsSchema = z.object({ better: z.number(), same: z.number(), worse: z.number() });

export const todayAppointmentSchema = z.object({
  id: z.string(),
  startsAt: z.string(),
  durationMinutes: z.number(),
  status: z.enum(APPOINTMENT_STATUSES),
  therapistId: z.string().nullable(),
  client: z.object({
    id: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    cautions: z.array(z.enum(cautionSlugs)),
    cautionNotes: z.string().nullable(),
    complaints: z.array(z.enum(complaintSlugs)),
  }),
  homework: z.object({
    /** Items the client has now. */
    active: z.number(),
    /** Days with at least one item ticked done, out of ofDays. */
    doneDays: z.number(),
    /** The last 14 days, or fewer when the oldest active item is younger. */
    ofDays: z.number(),
    /** The client's local day of their latest check-in, if any. */
    lastCheckIn: z.string().nullable(),
    feelings: feelingsSchema,
    /** What the client said at the appointment reminder, in one tap. */
    report: z.enum(['most-days', 'some-days', 'not-really']).nullable(),
  }),
  openQuestions: z.array(z.object({ id: z.string(), text: z.string(), askedAt: z.string() })),
  /** The session recorded at this visit, once it was started. */
  sessionId: z.string().optional(),
});
export type TodayAppointment = z.infer<typeof todayAppointmentSchema>;

export const todaySchema = z.object({
  date: z.string(),
  timezone: z.string(),
  appointments: z.array(todayAppointmentSchema),
  /** The day's bookings from the therapist's own booking calendar: read-only, matched to a client when known. */
  imported: z.array(importedEventSchema),
});
export type Today = z.infer<typeof todaySchema>;
