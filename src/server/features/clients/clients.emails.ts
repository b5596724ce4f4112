import { letter } from '../../email/layout.js';

/** The intake form's link, sent to the client before their visit. */
export function intakeLinkEmail(o: { firstName: string; practiceName: string; signedBy: string; url: string; days: number }) {
  return letter({
    practiceName: o.practiceName,
    subject: `A few questions before your massage at ${o.practiceName}`,
    heading: 'A few questions before your visit',
    greeting: `Hi ${o.firstName},`,
    paragraphs: ['Before your next visit, please tell us a little about why you are coming in. It takes about three minutes.'],
    action: { label: 'Open the form', href: o.url },
    signOff: `The link works once and for ${o.days} days.\n\n${o.signedBy}`,
  });
}

/** Tells the therapist a client's intake form arrived; what the client wrote stays in Carryover, not in mail. */
export function intakeFilledEmail(o: { therapistName: string; clientName: string; url: string }) {
  return {
    subject: `${o.clientName} filled in their intake form`,
    text: `Hello ${o.therapistName},\n\n${o.clientName} filled in their intake form. Open their page in Carryover to read it:\n\n${o.url}\n`,
  };
}

/** The homework reminder at the client's rhythm, naming today's items, with the stop-emails link. */
export function homeworkReminderEmail(o: { firstName: string; practiceName: string; items: string[]; url: string; stopUrl: string }) {
  return letter({
    practiceName: o.practiceName,
    subject: `A few minutes for you today, ${o.firstName}`,
    heading: 'A few minutes for you today',
    greeting: `Hi ${o.firstName},`,
    paragraphs: ['This is your reminder to do your homework today:'],
    list: o.items,
    action: { label: 'Tick it off here when you are done', href: o.url },
    stopUrl: o.stopUrl,
  });
}
