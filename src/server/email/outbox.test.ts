import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, testClock } from '../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../tests/helpers/databases.js';
import { startSmtp, type TestSmtp } from '../../../tests/helpers/smtp.js';
import { queueEmail } from './outbox.js';
import { smtpTransport } from './transport.js';

describeEachDatabase('the outbox over real SMTP', (database) => {
  let smtp: TestSmtp;
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  const clock = testClock();
  let killAt = 3;

  beforeAll(async () => {
    // The server dies while the third message is arriving: after its data, before it answers.
    smtp = await startSmtp(0, {
      beforeAccept: () => {
        if (--killAt === 0) smtp.kill();
      },
    });
    app = await buildTestApp({ database: database(), clock, transport: smtpTransport(smtp.url) });
  });
  afterAll(async () => {
    await app.http.close();
    await smtp.close().catch(() => {});
  });

  it('delivers every queued mail exactly once after the server comes back', async () => {
    const port = smtp.port;
    const subjects = Array.from({ length: 6 }, (_, i) => `Homework reminder ${i + 1}`);
    await database()
      .db.transaction()
      .execute(async (trx) => {
        for (const subject of subjects) {
          await queueEmail(trx, clock, {
            practiceId: null,
            to: 'client@example.com',
            fromName: 'Calm Hands',
            replyTo: 'therapist@example.com',
            subject,
            text: `${subject}: do your stretch.`,
          });
        }
      });

    await app.jobs.runDue();
    const firstRun = smtp.messages.map((m) => m.subject);
    expect(firstRun).toEqual(subjects.slice(0, 2));
    const waiting = await database().db.selectFrom('emails').select(['status', 'last_error']).where('status', '=', 'queued').execute();
    expect(waiting).toHaveLength(4);
    expect(waiting.every((m) => m.last_error)).toBe(true);

    // Back on the same port, with the first two still in its mailbox.
    const before = smtp.messages;
    smtp = await startSmtp(port);
    smtp.messages.push(...before);
    clock.advance(60 * 60_000);
    await app.jobs.runDue();
    await smtp.waitFor(6);

    const delivered = smtp.messages.map((m) => m.subject).sort();
    expect(delivered).toEqual([...subjects].sort());
    expect(new Set(smtp.messages.map((m) => m.messageId)).size).toBe(6);
    expect(smtp.messages[0].replyTo?.text).toBe('therapist@example.com');
    const rows = await database().db.selectFrom('emails').select('status').execute();
    expect(rows.every((r) => r.status === 'sent')).toBe(true);

    // Nothing is sent again later.
    clock.advance(24 * 60 * 60_000);
    expect(await app.jobs.runDue()).toBe(0);
    expect(smtp.messages).toHaveLength(6);
  });
});
