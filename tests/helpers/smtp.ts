import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface TestSmtp {
  url: string;
  port: number;
  messages: ParsedMail[];
  /** Resolves when at least n messages have arrived. */
  waitFor(n: number, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
  /** Drops every connection at once and stops listening, as a crashed server would. */
  kill(): void;
}

/** A real SMTP server on 127.0.0.1 that keeps every message it accepts. */
export async function startSmtp(
  port = 0,
  opts: {
    beforeAccept?: (mail: ParsedMail) => void;
    /** Keeps the mail but answers only this long after its end, as a slow relay does. */
    answerAfterMs?: number;
    /** An SMTP reply code to refuse this mail with (e.g. 550 or 451), or nothing to take it. */
    refuse?: (mail: ParsedMail) => number | undefined;
  } = {},
): Promise<TestSmtp> {
  const messages: ParsedMail[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream, { keepCidLinks: true })
        .then((mail) => {
          opts.beforeAccept?.(mail);
          if (killed) return;
          const refusal = opts.refuse?.(mail);
          if (refusal) return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: refusal }));
          messages.push(mail);
          setTimeout(() => callback(), opts.answerAfterMs ?? 0);
        })
        .catch(callback);
    },
  });
  let killed = false;
  server.server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${actual}?tls=off`,
    port: actual,
    messages,
    async waitFor(n, timeoutMs = 10_000) {
      const end = Date.now() + timeoutMs;
      while (messages.length < n) {
        if (Date.now() > end) throw new Error(`expected ${n} messages, got ${messages.length}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    kill() {
      killed = true;
      server.server.close();
      for (const socket of sockets) socket.destroy();
    },
  };
}
