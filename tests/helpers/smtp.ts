import { EventEmitter } from 'node:events';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** Every address a message went to (To and Cc), lower-cased. */
export function addressesOf(mail: ParsedMail): string[] {
  return [mail.to, mail.cc]
    .flat()
    .flatMap((a) => a?.value ?? [])
    .map((a) => a.address?.toLowerCase() ?? '');
}

/** Matches a message sent to this address, for `waitForMail`. */
export const sentTo = (email: string) => (mail: ParsedMail) => addressesOf(mail).includes(email.toLowerCase());

export interface TestSmtp {
  url: string;
  port: number;
  messages: ParsedMail[];
  /** Resolves when at least n messages have arrived. */
  waitFor(n: number, timeoutMs?: number): Promise<ParsedMail[]>;
  /**
   * Resolves with the messages that match once `count` of them (1 unless given) have arrived,
   * as soon as the last one arrives; fails after `timeoutMs` listing what did arrive.
   */
  waitForMail(match: (mail: ParsedMail) => boolean, opts?: { count?: number; timeoutMs?: number }): Promise<ParsedMail[]>;
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
  const arrived = new EventEmitter();
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
          arrived.emit('mail');
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

  function waitForMail(match: (mail: ParsedMail) => boolean, { count = 1, timeoutMs = 10_000 } = {}) {
    return new Promise<ParsedMail[]>((resolve, reject) => {
      const check = () => {
        const found = messages.filter(match);
        if (found.length < count) return;
        done();
        resolve(found);
      };
      const timer = setTimeout(() => {
        done();
        const seen = messages.map((m) => `"${m.subject}" to ${addressesOf(m).join(', ')}`).join('; ') || 'none';
        reject(new Error(`expected ${count} matching message${count === 1 ? '' : 's'} within ${timeoutMs} ms; arrived: ${seen}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        arrived.off('mail', check);
      };
      arrived.on('mail', check);
      check();
    });
  }
  return {
    url: `smtp://127.0.0.1:${actual}?tls=off`,
    port: actual,
    messages,
    waitFor: (n, timeoutMs) => waitForMail(() => true, { count: n, timeoutMs }).then(() => messages),
    waitForMail,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    kill() {
      killed = true;
      server.server.close();
      for (const socket of sockets) socket.destroy();
    },
  };
}
