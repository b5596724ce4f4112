import type { ConsentVia, EmailStatus, ReminderDefault } from '../../../shared/api/email-consent.js';
import type { ReminderRhythm } from '../../../shared/api/portal.js';
import type { ClientTable } from '../../db/schema.js';
import { AppError } from '../../http/errors.js';

type ConsentColumns = Pick<ClientTable, 'consent_to_email' | 'reminders_consent_at' | 'reminders_consent_via'>;
type MailColumns = ConsentColumns & Pick<ClientTable, 'email' | 'unsubscribed_at' | 'archived_at' | 'reminder_rhythm' | 'lapse_mailed_at'>;

/** The agreement after a change: a new "yes" records when and how; "no" clears it; no answer keeps what was there. */
export function consentAfter(before: ConsentColumns | null, agreed: boolean | undefined, via: ConsentVia, now: string): ConsentColumns {
  // Only the three columns, never the rest of a row passed in.
  const kept = before && {
    consent_to_email: before.consent_to_email,
    reminders_consent_at: before.reminders_consent_at,
    reminders_consent_via: before.reminders_consent_via,
  };
  if (agreed === undefined && kept) return kept;
  if (!agreed) return { consent_to_email: 0, reminders_consent_at: null, reminders_consent_via: null };
  if (kept?.consent_to_email === 1 && kept.reminders_consent_at) return kept;
  return { consent_to_email: 1, reminders_consent_at: now, reminders_consent_via: via };
}

/** A therapist may set a client's reminders only with the client's agreement recorded (400 naming the field otherwise). */
export function requireConsentForReminders(agreed: boolean, rhythm: ReminderRhythm | null | undefined) {
  if (rhythm && rhythm !== 'none' && !agreed)
    throw new AppError(400, 'invalid', 'Reminders need the client’s agreement: tick that they agreed first.', {
      reminderRhythm: 'Only with the client’s agreement',
    });
}

/** The reminder rhythm that applies: none without agreement or after an opt-out; the client's own, else the practice's default. */
export function remindersFor(
  c: Pick<MailColumns, 'consent_to_email' | 'unsubscribed_at' | 'reminder_rhythm'>,
  practiceDefault: ReminderDefault,
) {
  const fromPracticeDefault = c.reminder_rhythm === null;
  if (!c.consent_to_email || c.unsubscribed_at) return { rhythm: 'none' as ReminderRhythm, fromPracticeDefault };
  return { rhythm: c.reminder_rhythm ?? (practiceDefault === 'daily' ? 'daily' : 'none'), fromPracticeDefault };
}

const day = (iso: string) => iso.slice(0, 10);

/** What Carryover will email this client now, and, for each kind it will not send, why, in the therapist's words. */
export function emailStatusOf(c: MailColumns, practiceDefault: ReminderDefault): Omit<EmailStatus, 'notSent'> {
  const blocked = c.archived_at
    ? 'The client is archived.'
    : c.unsubscribed_at
      ? `They stopped all emails on ${day(c.unsubscribed_at)}.`
      : !c.email
        ? 'There is no email address. Print the handout or let them scan the code.'
        : null;
  const noConsent = c.consent_to_email ? null : 'They have not agreed to these emails.';
  const reminders = remindersFor(c, practiceDefault);
  const remindersOff =
    reminders.rhythm !== 'none'
      ? null
      : reminders.fromPracticeDefault
        ? 'The practice’s default is no reminders, and no rhythm is set for them.'
        : 'They chose no reminders.';
  const comeBackDone = c.lapse_mailed_at ? `One was sent on ${day(c.lapse_mailed_at)}; the next only after a new visit.` : null;
  const status = (reason: string | null) => ({ sends: reason === null, reason });
  return {
    consent:
      c.consent_to_email && c.reminders_consent_at && c.reminders_consent_via
        ? { at: c.reminders_consent_at, via: c.reminders_consent_via }
        : null,
    homework: status(blocked),
    reminders: { ...status(blocked ?? noConsent ?? remindersOff), ...reminders },
    comeBack: status(blocked ?? noConsent ?? comeBackDone),
  };
}
