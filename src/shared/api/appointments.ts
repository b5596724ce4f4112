import { z } from 'zod';
import { rangeBound } from './range.js';

export const APPOINTMENT_STATUSES = ['booked', 'cancelled', 'no-show', 'done'] as const;
export const NOT_REBOOKED_REASONS = [
  'will-book-online',
  'checking-schedule',
  'cost',
  'feeling-better',
  'moving-away',
  'not-happy',
  'other',
] as const;

/** An ISO-8601 instant with an offset, e.g. 2026-03-09T10:00:00-05:00, between 2000 and 2 years ahead. */
export const instantSchema = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/,
    'Use a date and time with its offset, like 2026-03-09T10:00:00-05:00',
  )
  .refine((s) => !Number.isNaN(Date.parse(s)), 'Not a real date and time')
  .refine((s) => s >= '2000' && Date.parse(s) < Date.now() + 2 * 366 * 86_400_000, 'Choose a time between 2000 and two years from now');

export const durationSchema = z.number().int().min(10, 'At least 10 minutes').max(480, 'At most 8 hours');

export const appointmentBody = z
  .object({
    startsAt: instantSchema,
    durationMinutes: durationSchema.optional(),
    sessionId: z.string().uuid().optional(),
    /** Set after the server warned about an overlap and the therapist chose to book anyway. */
    confirmOverlap: z.boolean().optional(),
  })
  .strict();

export const appointmentPatch = z
  .object({ startsAt: instantSchema, durationMinutes: durationSchema, status: z.enum(APPOINTMENT_STATUSES), confirmOverlap: z.boolean() })
  .partial()
  .strict();

export const appointmentSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  therapistId: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  durationMinutes: z.number(),
  timezone: z.string(),
  status: z.enum(APPOINTMENT_STATUSES),
  /** The session at whose checkout this visit was booked. */
  sessionId: z.string().nullable(),
  /** The session recorded at this visit; the visit is then done. */
  recordedSessionId: z.string().nullable(),
  sequence: z.number(),
});
export type Appointment = z.infer<typeof appointmentSchema>;

/** A Carryover appointment on the calendar, with how the client's homework went (null: no active homework). */
export const calendarAppointmentSchema = appointmentSchema.extend({
  source: z.literal('carryover'),
  adherence: z
    .object({
      /** Days with homework done, of the last 14 since it was given, as the clients list counts them. */
      doneDays: z.number(),
      ofDays: z.number(),
      lastCheckIn: z.string().nullable(),
    })
    .nullable(),
});
export type CalendarAppointment = z.infer<typeof calendarAppointmentSchema>;

export const appointmentQuery = z.object({
  from: rangeBound,
  to: rangeBound,
  therapistId: z.string().uuid().optional(),
  clientId: z.string().uuid().optional(),
});

export const checkoutBody = z.discriminatedUnion('rebooked', [
  z
    .object({
      rebooked: z.literal(true),
      /** Book a new visit at this time… */
      startsAt: instantSchema.optional(),
      durationMinutes: durationSchema.optional(),
      confirmOverlap: z.boolean().optional(),
      /** …or keep the client's visit already booked ahead (or just moved): the session counts as rebooked. */
      keepAppointmentId: z.string().uuid().optional(),
    })
    .strict(),
  z.object({ rebooked: z.literal(false), reason: z.enum(NOT_REBOOKED_REASONS), note: z.string().trim().max(500).optional() }).strict(),
]);
/** Free slots for the next visit (best first), and the visit already booked ahead when there is one. */
export const rebookSuggestion = z.object({
  existing: appointmentSchema.optional(),
  slots: z.array(z.object({ startsAt: z.string(), durationMinutes: z.number() })),
  /** The client's rhythm in days, and the length of their visits. */
  intervalDays: z.number(),
  durationMinutes: z.number(),
  /** The practice's zone: every time here is shown in it. */
  timezone: z.string(),
});
export type RebookSuggestion = z.infer<typeof rebookSuggestion>;
