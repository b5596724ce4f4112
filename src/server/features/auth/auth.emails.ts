import type { OutgoingEmail } from '../../email/outbox.js';

export function passwordResetEmail(o: { to: string; name: string; link: string; minutes: number }): OutgoingEmail {
  return {
    practiceId: null,
    to: o.to,
    fromName: 'Carryover',
    subject: 'Reset your Carryover password',
    text: `Hello ${o.name},\n\nSomeone asked to reset the password for this Carryover account. If it was you, open this link to choose a new password. It works once, for ${o.minutes} minutes:\n\n${o.link}\n\nIf it was not you, you can ignore this email. Your password stays the same.\n`,
  };
}

export function invitationEmail(o: { to: string; practiceName: string; inviterName: string; link: string; days: number }): OutgoingEmail {
  return {
    practiceId: null,
    to: o.to,
    fromName: `${o.inviterName} via Carryover`,
    subject: `${o.inviterName} invited you to ${o.practiceName} on Carryover`,
    text: `Hello,\n\n${o.inviterName} invited you to join ${o.practiceName} on Carryover, where you give each client their self-care homework after a session.\n\nOpen this link to choose your password. It works once, for ${o.days} days:\n\n${o.link}\n`,
  };
}
