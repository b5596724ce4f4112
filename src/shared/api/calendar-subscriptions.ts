import { z } from 'zod';

export const subscriptionBody = z
  .object({
    /** The private iCal (ICS) address of the therapist's booking system or calendar; webcal:// is accepted. */
    url: z.string().trim().min(1, 'Paste the calendar’s iCal address').max(2000, 'That address is too long'),
    /** Whose calendar it is; a therapist's own by default (an owner or API key may name a therapist). */
    memberId: z.string().uuid().optional(),
  })
  .strict();

export const subscriptionSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  /** The address shortened to its site: the full one is a private key to the calendar. */
  address: z.string(),
  name: z.string().nullable(),
  status: z.enum(['ok', 'failed']),
  /** When the copy shown was read; the last good copy is kept when a later fetch fails. */
  lastUpdatedAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  eventCount: z.number(),
  createdAt: z.string(),
});
export type CalendarSubscription = z.infer<typeof subscriptionSchema>;

/** An event from a subscribed calendar, listed with the appointments: read-only, blocking its time. */
export const importedEventSchema = z.object({
  id: z.string(),
  source: z.literal('imported'),
  subscriptionId: z.string(),
  therapistId: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  durationMinutes: z.number(),
  allDay: z.boolean(),
  /** The client it is for, when matched by email, by name, or by the therapist's one tap. */
  clientId: z.string().nullable(),
  clientName: z.string().nullable(),
  matchedBy: z.enum(['email', 'name', 'therapist']).nullable(),
});
export type ImportedEvent = z.infer<typeof importedEventSchema>;

/** The therapist's one tap: this event (and every other in its series) is for this client; null undoes it. */
export const matchBody = z.object({ clientId: z.string().uuid().nullable() }).strict();
