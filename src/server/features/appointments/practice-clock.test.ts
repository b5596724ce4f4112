import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, testClock } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { clientWithHomework } from '../../../../tests/helpers/factories.js';
import { readIcs } from '../../../../tests/helpers/ics.js';
import { readPdf } from '../../../../tests/helpers/pdf.js';
import { as, type Session, signUp } from '../../../../tests/helpers/session.js';
import { sentTo, startSmtp, type TestSmtp } from '../../../../tests/helpers/smtp.js';
import { smtpTransport } from '../../email/transport.js';

// The practice is in New York; the client lives in Tokyo and the server runs in UTC. Every time
// Carryover writes for the appointment (the invite mail, its .ics, the handout, the client's page)
// is the practice's 10:00, in the hour style the practice chose.
describeEachDatabase('times written on the practice clock', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let smtp: TestSmtp;
  let owner: Session;
  const clock = testClock('2026-12-03T16:00:00.000Z');
  beforeAll(async () => {
    smtp = await startSmtp();
    app = await buildTestApp({ database: database(), clock, transport: smtpTransport(smtp.url) });
    owner = await signUp(app.http);
  });
  afterAll(async () => {
    await app.http.close();
    await smtp.close();
  });
  const call = () => as(app.http, owner);
  /** Runs the jobs due, then every mail to this address once n have arrived. */
  async function mailsTo(email: string, n: number) {
    await app.jobs.runDue();
    return smtp.waitForMail(sentTo(email), { count: n });
  }

  it('starts from the hour style of the practice zone, and keeps the one the practice picks', async () => {
    const practice = async () => (await call()({ method: 'GET', url: '/api/v1/practice' })).json();
    expect((await call()({ method: 'PATCH', url: '/api/v1/practice', payload: { timezone: 'Europe/Berlin' } })).statusCode).toBe(200);
    expect((await practice()).timeFormat).toBe('24h');
    await call()({ method: 'PATCH', url: '/api/v1/practice', payload: { timezone: 'America/New_York' } });
    expect((await practice()).timeFormat).toBe('12h');
    const me = (await call()({ method: 'GET', url: '/api/v1/me' })).json();
    expect(me.practice).toMatchObject({ timezone: 'America/New_York', timeFormat: '12h' });
    const bad = await call()({ method: 'PATCH', url: '/api/v1/practice', payload: { timeFormat: '13h' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('timeFormat');
  });

  it('writes the practice’s 10:00 in the invite, its .ics, the handout and the client’s page, 12- or 24-hour as chosen', async () => {
    await call()({ method: 'PATCH', url: '/api/v1/practice', payload: { timezone: 'America/New_York', timeFormat: '12h' } });
    const { client, url } = await clientWithHomework(app.http, owner, { client: { timezone: 'Asia/Tokyo', consentToEmail: true } });
    // Typed as Tokyo's midnight on the 17th: the same instant as 10:00 in New York on the 16th.
    const booked = await call()({
      method: 'POST',
      url: `/api/v1/clients/${client.id}/appointments`,
      payload: { startsAt: '2026-12-17T00:00:00+09:00', durationMinutes: 60 },
    });
    expect(booked.statusCode).toBe(201);
    expect(booked.json()).toMatchObject({ startsAt: '2026-12-16T10:00:00.000-05:00', timezone: 'America/New_York' });

    const [invite] = await mailsTo(client.email, 1);
    expect(invite.text).toContain('Wednesday 16 December at 10:00 AM (New York time)');
    const ics = readIcs(invite.attachments.find((a) => a.filename?.endsWith('.ics'))!.content.toString('utf8'));
    expect(ics.events[0]).toMatchObject({ tzid: 'America/New_York', localStart: '2026-12-16T10:00', startUtc: '2026-12-16T15:00:00.000Z' });

    const handout = await readPdf((await call()({ method: 'GET', url: `/api/v1/clients/${client.id}/handout.pdf` })).rawPayload);
    expect(handout.text).toContain('Wednesday 16 December at 10:00 AM (New York time)');
    expect(handout.text).toContain('Thursday 3 December');
    // The client's page says whose clock it is, as the client lives in Tokyo.
    const page = await app.http.inject({ method: 'GET', url: new URL(url).pathname });
    expect(page.body).toContain('Wednesday 16 December at 10:00 AM (New York time)');

    await call()({ method: 'PATCH', url: '/api/v1/practice', payload: { timeFormat: '24h' } });
    const again = await readPdf((await call()({ method: 'GET', url: `/api/v1/clients/${client.id}/handout.pdf` })).rawPayload);
    expect(again.text).toContain('Wednesday 16 December at 10:00');
    expect(again.text).not.toContain('10:00 AM');
    expect((await app.http.inject({ method: 'GET', url: new URL(url).pathname })).body).not.toContain('10:00 AM');
  });
});
