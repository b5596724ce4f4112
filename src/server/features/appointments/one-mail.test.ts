import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, testClock } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { clientWithHomework } from '../../../../tests/helpers/factories.js';
import { readIcs } from '../../../../tests/helpers/ics.js';
import { as, type Session, signUp } from '../../../../tests/helpers/session.js';
import { startSmtp, type TestSmtp } from '../../../../tests/helpers/smtp.js';
import { smtpTransport } from '../../email/transport.js';
import { CHECKOUT_INVITE_WAIT_MINUTES } from './checkout-invite.js';

describeEachDatabase('one mail after the session', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let smtp: TestSmtp;
  let owner: Session;
  const clock = testClock('2026-03-02T15:00:00.000Z');
  beforeAll(async () => {
    smtp = await startSmtp();
    app = await buildTestApp({ database: database(), clock, transport: smtpTransport(smtp.url) });
    owner = await signUp(app.http);
    await as(app.http, owner)({ method: 'PATCH', url: '/api/v1/practice', payload: { timezone: 'America/New_York' } });
  });
  afterAll(async () => {
    await app.http.close();
    await smtp.close();
  });
  const call = () => as(app.http, owner);
  const to = (email: string) => smtp.messages.filter((m) => m.to && 'text' in m.to && m.to.text === email);
  /** Runs every job due, then waits until the SMTP server has seen what the outbox sent. */
  async function deliver() {
    await app.jobs.runDue();
    await app.jobs.runDue();
    const outstanding = async () => (await database().db.selectFrom('emails').select('id').where('status', '=', 'queued').execute()).length;
    for (let i = 0; i < 100 && (await outstanding()) > 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
      await app.jobs.runDue();
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const icsNamed = (mail: { attachments: { filename?: string; content: Buffer }[] }) =>
    mail.attachments.filter((a) => a.filename?.endsWith('.ics')).map((a) => readIcs(a.content.toString('utf8')));

  it('the homework mail after a checkout booking carries the .ics, and no separate invite mail is sent', async () => {
    const { client, session } = await clientWithHomework(app.http, owner);
    const booked = await call()({
      method: 'POST',
      url: `/api/v1/sessions/${session.id}/checkout`,
      payload: { rebooked: true, startsAt: '2026-03-16T10:00:00-04:00', durationMinutes: 60 },
    });
    expect(booked.statusCode).toBe(200);
    const sent = await call()({ method: 'POST', url: `/api/v1/sessions/${session.id}/send` });
    expect(sent.statusCode).toBe(202);
    await deliver();
    // Past the wait, the held-back invite still does not go: the homework mail carried it.
    clock.advance((CHECKOUT_INVITE_WAIT_MINUTES + 1) * 60_000);
    await deliver();
    const mails = to(client.email);
    expect(mails.map((m) => m.subject)).toEqual([expect.stringMatching(/homework/i)]);
    const [ics] = icsNamed(mails[0]);
    expect(ics.events[0]).toMatchObject({ uid: `${booked.json().appointment.id}@carryover`, localStart: '2026-03-16T10:00' });
  });

  it('a booking after the homework went mails its own invite; a booking with no homework mail gets its invite after the wait', async () => {
    const first = await clientWithHomework(app.http, owner);
    expect((await call()({ method: 'POST', url: `/api/v1/sessions/${first.session.id}/send` })).statusCode).toBe(202);
    await call()({
      method: 'POST',
      url: `/api/v1/sessions/${first.session.id}/checkout`,
      payload: { rebooked: true, startsAt: '2026-03-17T10:00:00-04:00' },
    });
    await deliver();
    const firstMails = to(first.client.email);
    expect(firstMails).toHaveLength(2);
    expect(firstMails.filter((m) => icsNamed(m).length)).toHaveLength(1);
    expect(firstMails.find((m) => icsNamed(m).length)?.subject).toMatch(/Your next massage/);

    const second = await clientWithHomework(app.http, owner);
    await call()({
      method: 'POST',
      url: `/api/v1/sessions/${second.session.id}/checkout`,
      payload: { rebooked: true, startsAt: '2026-03-18T10:00:00-04:00' },
    });
    await deliver();
    expect(to(second.client.email)).toHaveLength(0);
    clock.advance((CHECKOUT_INVITE_WAIT_MINUTES + 1) * 60_000);
    await deliver();
    const [invite] = to(second.client.email);
    expect(invite.subject).toMatch(/Your next massage/);
    expect(icsNamed(invite)[0].events[0].localStart).toBe('2026-03-18T10:00');
  });
});
