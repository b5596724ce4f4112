import { buffer } from 'node:stream/consumers';
import type { Clock } from '../clock.js';
import type { Db } from '../db/index.js';
import { readMailAttachments, readMailHeaders, StoredDocumentError } from '../db/stored.js';
import type { FileStorage } from '../storage/storage.js';
import { DELIVERY_ATTEMPTS, deliverEmailKind } from './outbox.js';
import { MailSendError, type MailTransport } from './transport.js';

/**
 * Job handler: sends one outbox mail. A mail already sent is skipped, so a retried job
 * never sends twice; a passing failure throws and the job runner retries with backoff; a refusal
 * (failed) or a send the server may have taken (unknown) is not retried.
 */
export function deliverEmailJob(opts: {
  db: Db;
  clock: Clock;
  transport: MailTransport;
  storage: FileStorage;
  fromAddress: string;
  domain: string;
}) {
  return async (payload: string) => {
    const { emailId } = deliverEmailKind.read(payload);
    const mail = await opts.db.selectFrom('emails').selectAll().where('id', '=', emailId).executeTakeFirst();
    if (!mail || mail.status !== 'queued') return;
    const messageId = mail.message_id ?? `<${mail.id}@${opts.domain}>`;
    await opts.db
      .updateTable('emails')
      .set({ attempts: mail.attempts + 1, message_id: messageId })
      .where('id', '=', mail.id)
      .execute();
    try {
      const attachments = await Promise.all(
        readMailAttachments(mail.attachments).map(async (a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: await buffer(opts.storage.read(a.storageKey)),
          ...(a.cid && { cid: a.cid, contentDisposition: 'inline' as const }),
        })),
      );
      await opts.transport.send({
        from: { name: mail.from_name, address: opts.fromAddress },
        to: mail.to_address,
        replyTo: mail.reply_to ?? undefined,
        subject: mail.subject,
        text: mail.text_body,
        html: mail.html_body ?? undefined,
        headers: mail.headers_json ? readMailHeaders(mail.headers_json) : undefined,
        attachments,
        messageId,
      });
    } catch (err) {
      // A refusal is final, a mail that may have arrived is not sent twice, and a passing failure on the
      // last try gives up: each ends here, with the reason kept for the therapist (the client's timeline
      // says "Email not sent" and why). Any other failure is tried again by the job runner.
      // A mail whose stored attachments or headers do not read will not read next time either.
      const kind = err instanceof MailSendError ? err.kind : err instanceof StoredDocumentError ? 'permanent' : 'temporary';
      const gaveUp = kind === 'temporary' && mail.attempts + 1 >= DELIVERY_ATTEMPTS;
      const status = kind === 'permanent' || gaveUp ? 'failed' : kind === 'maybe-delivered' ? 'unknown' : undefined;
      const said = err instanceof Error ? err.message : 'send failed';
      const reason = gaveUp ? `Carryover tried ${DELIVERY_ATTEMPTS} times and the mail server did not take it: ${said}` : said;
      await opts.db
        .updateTable('emails')
        .set({ last_error: reason.slice(0, 500), ...(status && { status }) })
        .where('id', '=', mail.id)
        .execute();
      if (status) return;
      throw err;
    }
    await opts.db
      .updateTable('emails')
      .set({ status: opts.transport.kind === 'smtp' ? 'sent' : 'kept', sent_at: opts.clock.now().toISOString(), last_error: null })
      .where('id', '=', mail.id)
      .execute();
  };
}
