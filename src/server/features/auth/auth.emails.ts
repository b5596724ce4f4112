import type { OutgoingEmail } from '../../email/outbox.js';
import { fromCarryover } from '../../email/sender.js';

export function passwordResetEmail(o: { to: string; name: string; link: string; minutes: number }): OutgoingEmail {
  return {
    practiceId: null,
    to: o.to,
    ...fromCarryover(),
    subject: 'Reset your Carryover password',
    text: `Hello ${o.name},\n\nSomeone asked to reset the password for this Carryover account. If it was you, open this link to choose a new password. It works once, for ${o.minutes} minutes:\n\n${o.link}\n\nIf it was not you, you can ignore this email. Your password stays the same.\n`,
  };
}

/** Sign-in paused after too many wrong passwords: says so, and how to get back in. */
export function accountLockedEmail(o: { email: string; name: string; link: string; wrongTries: number; minutes: number }): OutgoingEmail {
  return {
    practiceId: null,
    to: o.email,
    ...fromCarryover(),
    subject: 'Sign-in to your Carryover account was paused',
    text: `Hello ${o.name},\n\nSomeone typed a wrong password for your Carryover account ${o.wrongTries} times. To keep your clients' records safe, Carryover paused sign-in to this account for ${o.minutes} minutes.\n\nIf it was you, wait ${o.minutes} minutes and try again, or choose a new password here:\n\n${o.link}\n\nIf it was not you, choose a new password now.\n`,
  };
}
