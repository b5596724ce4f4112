import type { OutgoingEmail } from '../../email/outbox.js';
import { fromCarryover } from '../../email/sender.js';

/** An owner invites a colleague to the practice; the link lets them choose a password. */
export function invitationEmail(o: { to: string; practiceName: string; inviterName: string; link: string; days: number }): OutgoingEmail {
  return {
    practiceId: null,
    to: o.to,
    ...fromCarryover(o.inviterName),
    subject: `${o.inviterName} invited you to ${o.practiceName} on Carryover`,
    text: `Hello,\n\n${o.inviterName} invited you to join ${o.practiceName} on Carryover, where you give each client their self-care homework after a session.\n\nOpen this link to choose your password. It works once, for ${o.days} days:\n\n${o.link}\n`,
  };
}
