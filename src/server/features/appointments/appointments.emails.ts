import { letter } from '../../email/layout.js';

/** The mail an appointment's calendar file goes with: a new visit, a moved one, or a cancelled one. */
export function calendarEmail(o: {
  kind: 'invite' | 'update' | 'cancel';
  firstName: string;
  practiceName: string;
  /** When, in words, with the zone said when the client lives in another one. */
  when: string;
  signedBy: string;
}) {
  const said = {
    invite: {
      subject: `Your next massage: ${o.when}`,
      heading: 'Your next massage',
      paragraphs: [`You are booked for ${o.when} at ${o.practiceName}. The attached file adds it to your calendar.`, 'See you then!'],
    },
    update: {
      subject: `Your massage has moved to ${o.when}`,
      heading: 'Your massage has moved',
      paragraphs: [`Your massage at ${o.practiceName} is now on ${o.when}. The attached file updates your calendar.`],
    },
    cancel: {
      subject: `Your massage on ${o.when} is cancelled`,
      heading: 'Your massage is cancelled',
      paragraphs: [
        `Your massage on ${o.when} at ${o.practiceName} is cancelled. The attached file removes it from your calendar.`,
        'Reply to this email to book another time.',
      ],
    },
  }[o.kind];
  return letter({ practiceName: o.practiceName, greeting: `Hi ${o.firstName},`, signOff: o.signedBy, ...said });
}

/** The day-before reminder, asking in one tap how the homework went. */
export function visitReminderEmail(o: { firstName: string; practiceName: string; when: string; url: string; stopUrl: string }) {
  return letter({
    practiceName: o.practiceName,
    subject: `See you tomorrow, ${o.firstName}`,
    heading: 'See you tomorrow',
    greeting: `Hi ${o.firstName},`,
    paragraphs: [`A reminder: your massage is ${o.when}.`, 'How did your homework go? Tap one:'],
    choices: [
      { label: 'Most days', href: `${o.url}?went=most-days` },
      { label: 'Some days', href: `${o.url}?went=some-days` },
      { label: 'Not really', href: `${o.url}?went=not-really` },
    ],
    stopUrl: o.stopUrl,
  });
}

/** The come-back mail, once per lapse, to a client who agreed to it. */
export function comeBackEmail(o: { firstName: string; practiceName: string; url: string; stopUrl: string }) {
  return letter({
    practiceName: o.practiceName,
    subject: `We miss you, ${o.firstName}`,
    heading: 'We miss you',
    greeting: `Hi ${o.firstName},`,
    paragraphs: [
      `It has been a while since your last massage at ${o.practiceName}. We hope your body is doing well.`,
      'When you would like to come back, reply to this email or ask for a time on your page.',
    ],
    action: { label: 'Open my page', href: o.url },
    stopUrl: o.stopUrl,
  });
}
