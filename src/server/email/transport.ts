import { PassThrough } from 'node:stream';
import nodemailer from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';

export interface MailMessage {
  from: { name: string; address: string };
  to: string;
  replyTo?: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  attachments?: { filename: string; contentType: string; content: Buffer; cid?: string; contentDisposition?: 'inline' }[];
  messageId: string;
}

/**
 * Why a send failed, as the outbox must act on it:
 * - `permanent`: the server refused the mail (5xx); sending it again would be refused again.
 * - `maybe-delivered`: the whole mail went out and the server did not answer in time; it may have
 *   taken it, so sending again could give the client the same email twice.
 * - `temporary`: anything else (no connection, 4xx, the server hung up): try again later.
 */
export class MailSendError extends Error {
  constructor(
    readonly kind: 'permanent' | 'maybe-delivered' | 'temporary',
    message: string,
  ) {
    super(message);
  }
}

/** Where mail goes: a real SMTP server, or (outside production, with none set) the local mailbox. */
export interface MailTransport {
  readonly kind: 'smtp' | 'mailbox';
  send(message: MailMessage): Promise<void>;
  close(): void;
}

// RFC 5321 gives a server minutes to answer the end of a mail; a relay that scans mail answers
// late. The wait stays below the 60 s job lease, so no second worker picks the mail up meanwhile.
const ANSWER_TIMEOUT_MS = 50_000;

export function smtpTransport(url: string, opts: { answerTimeoutMs?: number } = {}): MailTransport {
  const u = new URL(url);
  const secure = u.protocol === 'smtps:';
  const transporter = nodemailer.createTransport({
    host: u.hostname,
    port: Number(u.port || (secure ? 465 : 587)),
    secure,
    auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
    // A loopback server (tests, a local relay) needs no TLS; anything else must offer it.
    ignoreTLS: u.searchParams.get('tls') === 'off',
    requireTLS: !secure && u.searchParams.get('tls') === 'required',
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: opts.answerTimeoutMs ?? ANSWER_TIMEOUT_MS,
  });
  return {
    kind: 'smtp',
    async send(m) {
      // Composed here (with its fixed Message-ID) and streamed as is, so we know when every byte has gone.
      const mail = new MailComposer({ ...m, replyTo: m.replyTo }).compile();
      const body = new PassThrough();
      let allSent = false;
      body.on('end', () => {
        allSent = true;
      });
      mail.createReadStream().pipe(body);
      try {
        await transporter.sendMail({ envelope: mail.getEnvelope(), raw: body });
      } catch (err) {
        throw sendErrorOf(err, allSent);
      }
    },
    close: () => transporter.close(),
  };
}

function sendErrorOf(err: unknown, allSent: boolean): MailSendError {
  const e = err as { code?: string; responseCode?: number; response?: string; message?: string };
  const said = (e.response ?? e.message ?? 'no answer').slice(0, 300);
  if (e.responseCode && e.responseCode >= 500 && e.responseCode < 600) {
    return new MailSendError('permanent', `The mail server refused this email: ${said}`);
  }
  if (allSent && e.code === 'ETIMEDOUT') {
    return new MailSendError(
      'maybe-delivered',
      'The mail server took the whole email but did not confirm it in time. It may have arrived, so Carryover did not send it again.',
    );
  }
  return new MailSendError('temporary', said);
}

export const mailboxTransport: MailTransport = {
  kind: 'mailbox',
  async send() {},
  close() {},
};
