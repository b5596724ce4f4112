import { afterEach, expect, it } from 'vitest';
import { buildTestApp, testClock } from '../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../tests/helpers/databases.js';
import { createClient } from '../../../tests/helpers/factories.js';
import { as, signUp } from '../../../tests/helpers/session.js';
import { startSmtp, type TestSmtp } from '../../../tests/helpers/smtp.js';
import { DELIVERY_ATTEMPTS, queueEmail } from './outbox.js';
import { smtpTransport } from './transport.js';

const ANSWER_TIMEOUT_MS = 300;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeEachDatabase('mail a relay is slow to answer or refuses', (database) => {
  const clock = testClock();
  let smtp: TestSmtp | undefined;
  let app: Awaited<ReturnType<typeof buildTestApp>> | undefined;
  afterEach(async () => {
    await app?.http.close();
    await smtp?.close().catch(() => {});
  });

  async function setUp(opts: Parameters<typeof startSmtp>[1]) {
    smtp = await startSmtp(0, opts);
    app = await buildTestApp({ database: database(), clock, transport: smtpTransport(smtp.url, { answerTimeoutMs: ANSWER_TIMEOUT_MS }) });
    const owner = await signUp(app.http);
    const client = await createClient(app.http, owner);
    const subject = `Your homework ${Math.random().toString(36).slice(2)}`;
    const emailId = await database()
      .db.transaction()
      .execute((trx) =>
        queueEmail(trx, clock, {
          practiceId: owner.practiceId,
          clientId: client.id,
          to: client.email,
          fromName: 'Calm Hands',
          subject,
          text: 'Do your stretch.',
        }),
      );
    const stored = () =>
      database().db.selectFrom('emails').select(['status', 'last_error', 'message_id']).where('id', '=', emailId).executeTakeFirstOrThrow();
    const timeline = async () =>
      (await as(app!.http, owner)({ method: 'GET', url: `/api/v1/clients/${client.id}/timeline` })).json().entries as {
        kind: string;
        title: string;
        detail: string | null;
      }[];
    const notSent = async () =>
      (await as(app!.http, owner)({ method: 'GET', url: `/api/v1/clients/${client.id}/email-status` })).json().notSent;
    return { smtp, app, subject, stored, timeline, notSent };
  }

  it('sends a mail the relay took but answered too late only once, and marks it unknown for the therapist', async () => {
    const { smtp, app, subject, stored, timeline } = await setUp({ answerAfterMs: ANSWER_TIMEOUT_MS * 4 });
    await app.jobs.runDue();
    await smtp.waitFor(1);
    expect(await stored()).toMatchObject({ status: 'unknown' });
    expect((await stored()).last_error).toMatch(/did not confirm it in time/);

    // Hours later, the job runner finds nothing to send: the relay has it once.
    clock.advance(3 * 60 * 60_000);
    expect(await app.jobs.runDue()).toBe(0);
    await sleep(ANSWER_TIMEOUT_MS * 5);
    expect(smtp.messages.map((m) => m.subject)).toEqual([subject]);
    expect(smtp.messages[0].messageId).toBe((await stored()).message_id);

    const email = (await timeline()).find((e) => e.kind === 'email');
    expect(email?.title).toBe('Email may not have arrived');
    expect(email?.detail).toMatch(/may have arrived/);
  });

  it('does not retry a mail the server refuses for good, and says why on the client record', async () => {
    const { smtp, app, stored, timeline } = await setUp({ refuse: () => 550 });
    await app.jobs.runDue();
    expect(await stored()).toMatchObject({ status: 'failed' });
    clock.advance(24 * 60 * 60_000);
    expect(await app.jobs.runDue()).toBe(0);
    expect(smtp.messages).toHaveLength(0);
    const email = (await timeline()).find((e) => e.kind === 'email');
    expect(email?.title).toBe('Email not sent');
    expect(email?.detail).toMatch(/refused this email: 550 Mailbox unavailable/);
  });

  it('tries again after a passing refusal, with the same Message-ID', async () => {
    let tries = 0;
    const { smtp, app, stored } = await setUp({ refuse: () => (++tries === 1 ? 451 : undefined) });
    await app.jobs.runDue();
    const first = await stored();
    expect(first.status).toBe('queued');
    expect(first.last_error).toMatch(/451/);
    clock.advance(60 * 60_000);
    await app.jobs.runDue();
    await smtp.waitFor(1);
    expect(await stored()).toMatchObject({ status: 'sent', message_id: first.message_id });
    expect(smtp.messages[0].messageId).toBe(first.message_id);
  });

  it('gives up after the last try when the relay keeps refusing for now, and shows the mail as not sent', async () => {
    let refusals = 0;
    const { smtp, app, subject, stored, timeline, notSent } = await setUp({
      refuse: () => {
        refusals++;
        return 451;
      },
    });
    for (let run = 1; run < DELIVERY_ATTEMPTS; run++) {
      await app.jobs.runDue();
      expect(await stored()).toMatchObject({ status: 'queued' });
      clock.advance(60 * 60_000);
    }
    expect((await timeline()).find((e) => e.kind === 'email')?.title).toBe('Email waiting to go');
    expect(await notSent()).toBeNull();

    await app.jobs.runDue();
    expect(refusals).toBe(DELIVERY_ATTEMPTS);
    expect(await stored()).toMatchObject({ status: 'failed' });
    const email = (await timeline()).find((e) => e.kind === 'email');
    expect(email?.title).toBe('Email not sent');
    expect(email?.detail).toMatch(new RegExp(`tried ${DELIVERY_ATTEMPTS} times and the mail server did not take it: .*451`));
    // The email card on the client record says so too.
    expect(await notSent()).toMatchObject({ subject, status: 'failed', reason: expect.stringMatching(/tried 20 times/) });

    // Nothing is tried again, however long it waits.
    clock.advance(7 * 24 * 60 * 60_000);
    await app.jobs.runDue();
    expect(refusals).toBe(DELIVERY_ATTEMPTS);
    expect(smtp.messages).toHaveLength(0);
  });
});
