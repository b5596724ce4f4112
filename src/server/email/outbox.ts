import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import type { Db } from '../db/index.js';
import { enqueueJob, jobKind } from '../jobs/queue.js';

export interface OutgoingEmail {
  practiceId: string | null;
  clientId?: string | null;
  to: string;
  fromName: string;
  replyTo?: string | null;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  /** Files already saved in storage; they go with the mail and are removed with it. */
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  storageKey: string;
  /** Shown inside the HTML where it says src="cid:<cid>" (a drawing), rather than as a file. */
  cid?: string;
}

export const DELIVER_EMAIL = 'deliver-email';
/** How many times a mail is tried (over about 13 hours) before it is marked failed and shown as not sent. */
export const DELIVERY_ATTEMPTS = 20;
export const deliverEmailKind = jobKind(DELIVER_EMAIL, z.object({ emailId: z.string() }));

/**
 * Queues a mail in the outbox with the job that delivers it. Call it with the transaction
 * of the change that caused the mail, so the mail exists exactly when the change does.
 */
export async function queueEmail(trx: Db, clock: Clock, mail: OutgoingEmail): Promise<string> {
  const id = randomUUID();
  await trx
    .insertInto('emails')
    .values({
      id,
      practice_id: mail.practiceId,
      client_id: mail.clientId ?? null,
      to_address: mail.to,
      from_name: mail.fromName,
      reply_to: mail.replyTo ?? null,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html ?? null,
      headers_json: mail.headers ? JSON.stringify(mail.headers) : null,
      attachments: mail.attachments?.length ? JSON.stringify(mail.attachments) : null,
      status: 'queued',
      attempts: 0,
      created_at: clock.now().toISOString(),
    })
    .execute();
  await enqueueJob(trx, clock, deliverEmailKind, {
    payload: { emailId: id },
    clientId: mail.clientId ?? null,
    uniqueKey: `email:${id}`,
    maxAttempts: DELIVERY_ATTEMPTS,
  });
  return id;
}
