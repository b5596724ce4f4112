import type { OutgoingEmail } from './outbox.js';

/** What a practice chose for its mail in settings: the name its mail shows and where replies go. */
export interface PracticeSender {
  name: string;
  sender_name: string | null;
  reply_to: string | null;
}

/**
 * Who a mail from a practice is from and where a reply goes: the sender name the practice chose
 * (else its name); replies go to the therapist when one wrote it or looks after the client, else
 * to the practice's reply-to address. The address itself is always Carryover's (deliver.ts), so
 * the mail passes the receiving server's sender checks.
 */
export function fromPractice(practice: PracticeSender, therapistEmail?: string | null): Pick<OutgoingEmail, 'fromName' | 'replyTo'> {
  return { fromName: practice.sender_name ?? practice.name, replyTo: therapistEmail ?? practice.reply_to };
}

/** Mail from Carryover itself (to a therapist or an owner), or sent for someone ("… via Carryover"). */
export function fromCarryover(onBehalfOf?: string): Pick<OutgoingEmail, 'fromName'> {
  return { fromName: onBehalfOf ? `${onBehalfOf} via Carryover` : 'Carryover' };
}

/**
 * The client's "stop emails" address, made from their page's link (`…/c/<token>`), with the
 * headers that let a mail app offer it in one click (RFC 8058 posts to the same address).
 */
export function stopEmails(clientUrl: string): { url: string; headers: Record<string, string> } {
  const at = clientUrl.lastIndexOf('/c/');
  const url = `${clientUrl.slice(0, at)}/api/v1/portal/${clientUrl.slice(at + 3)}/unsubscribe`;
  return { url, headers: { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } };
}
