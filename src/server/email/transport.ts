import nodemailer from 'nodemailer';

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

/** Where mail goes: a real SMTP server, or (outside production, with none set) the local mailbox. */
export interface MailTransport {
  readonly kind: 'smtp' | 'mailbox';
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export function smtpTransport(url: string): MailTransport {
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
    socketTimeout: 20_000,
  });
  return {
    kind: 'smtp',
    async send(m) {
      await transporter.sendMail({ ...m, replyTo: m.replyTo });
    },
    close: () => transporter.close(),
  };
}

export const mailboxTransport: MailTransport = {
  kind: 'mailbox',
  async send() {},
  close() {},
};
