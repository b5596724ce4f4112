import { letter } from '../../email/layout.js';

/** Tells the therapist a client asked a question; the question itself stays in Carryover (mail can be read over a shoulder). */
export function questionAskedEmail(o: { therapistName: string; clientName: string; url: string }) {
  return {
    subject: `${o.clientName} asked you a question`,
    text: `Hello ${o.therapistName},\n\n${o.clientName} asked you a question about their homework. Read it and answer in Carryover:\n\n${o.url}\n`,
  };
}

/** The therapist's answer, sent to the client with their question and a link to their page. */
export function answerEmail(o: {
  firstName: string;
  practiceName: string;
  therapistName: string;
  question: string;
  answer: string;
  url: string;
}) {
  return letter({
    practiceName: o.practiceName,
    subject: `${o.therapistName} answered your question`,
    heading: 'Your question, answered',
    greeting: `Hi ${o.firstName},`,
    paragraphs: [`You asked:\n"${o.question}"`, `${o.therapistName} says:\n${o.answer}`],
    action: { label: 'Your homework page', href: o.url },
  });
}
