/** Tells the client's therapist (or the owner) that someone asked for an appointment; who and when stay in Carryover. */
export function bookingAskedEmail(o: { therapistName: string; who: string; url: string }) {
  return {
    subject: `${o.who} asked for an appointment`,
    text: `Hello ${o.therapistName},\n\n${o.who} asked for an appointment. Confirm a time or suggest another in Carryover:\n\n${o.url}\n`,
  };
}

/** The times a friend asked for are taken: the therapist offers another. */
export function otherTimeEmail(o: { firstName: string; practiceName: string; when: string; message?: string }) {
  return {
    subject: `Could ${o.when} work for you?`,
    text: `Hi ${o.firstName},\n\nThank you for asking for an appointment at ${o.practiceName}. The times you asked for are taken, but ${o.when} is free.${o.message ? `\n\n${o.message}` : ''}\n\nReply to this email to say yes, or to suggest another time.\n`,
  };
}
