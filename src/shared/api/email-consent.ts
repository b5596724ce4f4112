import { z } from 'zod';
import { REMINDER_RHYTHMS } from './portal.js';

/*
 * What Carryover emails a client, and why. The homework email goes to the address the client gave
 * for it; reminders and come-back emails only with their agreement, kept with when and how it was given.
 */

/** How the client agreed: told the therapist (who ticked the box), ticked it on the intake form, or chose reminders on their page. */
export const CONSENT_VIAS = ['therapist', 'intake', 'client-page'] as const;
export type ConsentVia = (typeof CONSENT_VIAS)[number];

/** The practice's default for a client who agreed to reminders but chose no rhythm: none, or every day at local morning. */
export const REMINDER_DEFAULTS = ['off', 'daily'] as const;
export type ReminderDefault = (typeof REMINDER_DEFAULTS)[number];

export const remindersConsentSchema = z.object({ at: z.string(), via: z.enum(CONSENT_VIAS) });

/** A client's own rhythm; null follows the practice's default. */
export const reminderRhythmField = z.enum(REMINDER_RHYTHMS).nullable();

const mailStatus = z.object({
  /** Whether Carryover will send this kind of email to the client now. */
  sends: z.boolean(),
  /** Why not, in the therapist's words; null when it sends. */
  reason: z.string().nullable(),
});

/** The latest mail to the client that did not go since the last one that did: refused, given up after its last try, or perhaps not arrived. */
export const notSentMailSchema = z.object({
  subject: z.string(),
  at: z.string(),
  status: z.enum(['failed', 'unknown']),
  /** Why, as the mail server or Carryover said it. */
  reason: z.string().nullable(),
});

export const emailStatusSchema = z.object({
  consent: remindersConsentSchema.nullable(),
  homework: mailStatus,
  reminders: mailStatus.extend({ rhythm: z.enum(REMINDER_RHYTHMS), fromPracticeDefault: z.boolean() }),
  comeBack: mailStatus,
  notSent: notSentMailSchema.nullable(),
});
export type EmailStatus = z.infer<typeof emailStatusSchema>;
