import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, testClock } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { createClient, recordSession } from '../../../../tests/helpers/factories.js';
import { readIcs } from '../../../../tests/helpers/ics.js';
import { as, type Session, signUp } from '../../../../tests/helpers/session.js';
import { sentTo, startSmtp, type TestSmtp } from '../../../../tests/helpers/smtp.js';
import { smtpTransport } from '../../email/transport.js';

describeEachDatabase('appointments, rebooking and calendar files', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let smtp: TestSmtp;
  let owner: Session;
  const clock = testClock('2026-02-27T16:00:00.000Z');
  beforeAll(async () => {
    smtp = await startSmtp();
    app = await buildTestApp({ database: database(), clock, transport: smtpTransport(smtp.url) });
    owner = await signUp(app.http);
    await as(
      app.http,
      owner,
    )({ method: 'PATCH', url: '/api/v1/practice', payload: { timezone: 'America/New_York', rebookIntervalDays: 14 } });
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
  const icsOf = (mail: { attachments: { filename?: string; content: Buffer }[] }) =>
    readIcs(mail.attachments.find((a) => a.filename?.endsWith('.ics'))!.content.toString('utf8'));

  it('invites, moves and cancels with a stable UID, a rising SEQUENCE and the time zone, read back by an independent parser', async () => {
    const client = await createClient(app.http, owner, { firstName: 'Ines' });
    const booked = await call()({
      method: 'POST',
      url: `/api/v1/clients/${client.id}/appointments`,
      payload: { startsAt: '2026-03-04T10:00:00-05:00', durationMinutes: 60 },
    });
    expect(booked.statusCode).toBe(201);
    expect(booked.json()).toMatchObject({ startsAt: '2026-03-04T10:00:00.000-05:00', timezone: 'America/New_York', sequence: 0 });
    const id = booked.json().id;
    const [invite] = await mailsTo(client.email, 1);
    const a = icsOf(invite);
    expect(a.method).toBe('REQUEST');
    expect(a.events[0]).toMatchObject({
      uid: `${id}@carryover`,
      sequence: 0,
      tzid: 'America/New_York',
      localStart: '2026-03-04T10:00',
      startUtc: '2026-03-04T15:00:00.000Z',
      endUtc: '2026-03-04T16:00:00.000Z',
    });

    const moved = await call()({ method: 'PATCH', url: `/api/v1/appointments/${id}`, payload: { startsAt: '2026-03-05T11:30:00-05:00' } });
    expect(moved.json().sequence).toBe(1);
    const b = icsOf((await mailsTo(client.email, 2))[1]);
    expect(b.events[0]).toMatchObject({ uid: `${id}@carryover`, sequence: 1, localStart: '2026-03-05T11:30' });

    await call()({ method: 'PATCH', url: `/api/v1/appointments/${id}`, payload: { status: 'cancelled' } });
    const c = icsOf((await mailsTo(client.email, 3))[2]);
    expect(c.method).toBe('CANCEL');
    expect(c.events[0]).toMatchObject({ uid: `${id}@carryover`, sequence: 2, status: 'CANCELLED' });
  });

  it('asks before double-booking a therapist, and refuses nonsense times with nothing written', async () => {
    const x = await createClient(app.http, owner);
    const y = await createClient(app.http, owner);
    await call()({
      method: 'POST',
      url: `/api/v1/clients/${x.id}/appointments`,
      payload: { startsAt: '2026-03-10T09:00:00-04:00', durationMinutes: 60 },
    });
    const clash = await call()({
      method: 'POST',
      url: `/api/v1/clients/${y.id}/appointments`,
      payload: { startsAt: '2026-03-10T09:30:00-04:00' },
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error).toMatchObject({ code: 'overlap' });
    const anyway = await call()({
      method: 'POST',
      url: `/api/v1/clients/${y.id}/appointments`,
      payload: { startsAt: '2026-03-10T09:30:00-04:00', confirmOverlap: true },
    });
    expect(anyway.statusCode).toBe(201);

    const count = async () => (await database().db.selectFrom('appointments').select('id').where('client_id', '=', y.id).execute()).length;
    const before = await count();
    for (const payload of [
      { startsAt: '1900-01-01T10:00:00Z' },
      { startsAt: '2026-03-10 10:00' },
      { startsAt: '2026-03-10T10:00:00-04:00', durationMinutes: -30 },
      { startsAt: '2026-03-10T10:00:00-04:00', durationMinutes: 0 },
    ]) {
      const res = await call()({ method: 'POST', url: `/api/v1/clients/${y.id}/appointments`, payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect(
      (await call()({ method: 'GET', url: '/api/v1/appointments?from=2026-03-11T00:00:00Z&to=2026-03-10T00:00:00Z' })).statusCode,
    ).toBe(400);
    expect((await call()({ method: 'PATCH', url: '/api/v1/practice', payload: { timezone: 'Atlantis/Central' } })).statusCode).toBe(400);
    expect(await count()).toBe(before);
  });

  it('keeps a 10:00 appointment every two weeks at 10:00 local across the daylight-saving change', async () => {
    const client = await createClient(app.http, owner, { firstName: 'Dee' });
    await call()({
      method: 'POST',
      url: `/api/v1/clients/${client.id}/appointments`,
      payload: { startsAt: '2026-02-27T10:00:00-05:00', confirmOverlap: true },
    });
    let sessionDate = '2026-02-27';
    const starts: string[] = [];
    for (let i = 0; i < 3; i++) {
      const session = await recordSession(app.http, owner, client.id, { date: sessionDate });
      const suggestion = (await call()({ method: 'GET', url: `/api/v1/sessions/${session.id}/rebook-suggestion` })).json();
      expect(suggestion.intervalDays).toBe(14);
      const out = await call()({
        method: 'POST',
        url: `/api/v1/sessions/${session.id}/checkout`,
        payload: {
          rebooked: true,
          startsAt: suggestion.slots[0].startsAt,
          durationMinutes: suggestion.durationMinutes,
          confirmOverlap: true,
        },
      });
      expect(out.statusCode).toBe(200);
      starts.push(out.json().appointment.startsAt);
      sessionDate = out.json().appointment.startsAt.slice(0, 10);
      if (i < 2) clock.set(new Date(Date.parse(out.json().appointment.startsAt) + 3_600_000).toISOString());
    }
    expect(starts).toEqual(['2026-03-13T10:00:00.000-04:00', '2026-03-27T10:00:00.000-04:00', '2026-04-10T10:00:00.000-04:00']);
    // No homework mail followed these checkouts: each invite goes alone once the wait for one is over.
    clock.advance(31 * 60_000);
    await app.jobs.runDue();
    clock.set('2026-02-27T16:00:00.000Z');
    const mails = (await mailsTo(client.email, 4)).filter((m) => m.attachments.some((a) => a.filename?.endsWith('.ics')));
    const march13 = mails.map(icsOf).find((i) => i.events[0].localStart.startsWith('2026-03-13'))!;
    expect(march13.events[0]).toMatchObject({ localStart: '2026-03-13T10:00', startUtc: '2026-03-13T14:00:00.000Z' });
  });

  it('records whether the client rebooked before leaving, and why not', async () => {
    const client = await createClient(app.http, owner);
    const session = await recordSession(app.http, owner, client.id, { date: '2026-02-27' });
    const no = await call()({
      method: 'POST',
      url: `/api/v1/sessions/${session.id}/checkout`,
      payload: { rebooked: false, reason: 'checking-schedule', note: 'Will call Monday' },
    });
    expect(no.json()).toEqual({ rebooked: false, appointment: null });
    const row = await database()
      .db.selectFrom('session_records')
      .select(['rebooked', 'not_rebooked_reason'])
      .where('id', '=', session.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ rebooked: 0, not_rebooked_reason: 'checking-schedule' });
    expect(
      (await call()({ method: 'POST', url: `/api/v1/sessions/${session.id}/checkout`, payload: { rebooked: false, reason: 'because' } }))
        .statusCode,
    ).toBe(400);
  });

  it('serves a private calendar feed per therapist that stops when revoked', async () => {
    const feed = await call()({ method: 'POST', url: '/api/v1/calendar-feed' });
    const path = feed.json().url.replace('http://carryover.test', '');
    const res = await app.http.inject({ method: 'GET', url: path });
    expect(res.headers['content-type']).toContain('text/calendar');
    const ics = readIcs(res.body);
    expect(ics.events.length).toBeGreaterThan(2);
    expect(ics.events.every((e) => e.uid.endsWith('@carryover') && e.tzid === 'America/New_York')).toBe(true);
    await call()({ method: 'DELETE', url: '/api/v1/calendar-feed' });
    expect((await app.http.inject({ method: 'GET', url: path })).statusCode).toBe(404);
  });

  it('credits a friend who books through a share link to the referrer', async () => {
    const referrer = await createClient(app.http, owner, { firstName: 'Rory' });
    const share = (await call()({ method: 'GET', url: `/api/v1/clients/${referrer.id}/referral` })).json();
    expect(share.url).toMatch(/\/r\/[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect((await app.http.inject({ method: 'GET', url: `/api/v1/referrals/${share.code}` })).json()).toMatchObject({
      referrerFirstName: 'Rory',
    });
    expect((await app.http.inject({ method: 'GET', url: '/api/v1/referrals/ZZZZ-ZZZZ' })).statusCode).toBe(404);
    const before = (await database().db.selectFrom('booking_requests').select('id').execute()).length;
    expect(
      (
        await app.http.inject({
          method: 'POST',
          url: '/api/v1/referrals/ZZZZ-ZZZZ/booking-requests',
          payload: { name: 'Nobody', email: 'n@example.com', preferredTimes: ['2026-03-20T10:00:00-04:00'] },
        })
      ).statusCode,
    ).toBe(404);
    expect((await database().db.selectFrom('booking_requests').select('id').execute()).length).toBe(before);

    const asked = await app.http.inject({
      method: 'POST',
      url: `/api/v1/referrals/${share.code}/booking-requests`,
      payload: {
        name: 'Frankie Friend',
        email: 'frankie@example.com',
        preferredTimes: ['2026-03-20T10:00:00-04:00'],
        message: 'Rory said you help with headaches',
      },
    });
    expect(asked.statusCode).toBe(201);
    const inbox = (await call()({ method: 'GET', url: '/api/v1/booking-requests' })).json().requests;
    const request = inbox.find((r: { email: string }) => r.email === 'frankie@example.com');
    expect(request.referrerName).toMatch(/Rory/);
    const confirmed = await call()({
      method: 'POST',
      url: `/api/v1/booking-requests/${request.id}/confirm`,
      payload: { startsAt: '2026-03-20T10:00:00-04:00', confirmOverlap: true },
    });
    expect(confirmed.statusCode).toBe(200);
    const friend = (await call()({ method: 'GET', url: `/api/v1/clients/${confirmed.json().clientId}` })).json();
    expect(friend).toMatchObject({
      firstName: 'Frankie',
      lastName: 'Friend',
      intake: { referredByClientId: referrer.id, referralSource: 'client-referral' },
    });
    const [invite] = await mailsTo('frankie@example.com', 1);
    expect(icsOf(invite).events[0].localStart).toBe('2026-03-20T10:00');
    const report = (await call()({ method: 'GET', url: '/api/v1/reports/referrals' })).json().referrals;
    expect(report.find((r: { referredId: string }) => r.referredId === friend.id)).toMatchObject({
      referrerId: referrer.id,
      booked: true,
      firstVisit: '2026-03-20T14:00:00.000Z',
      thanked: false,
    });
    await call()({ method: 'POST', url: `/api/v1/clients/${referrer.id}/referral-thanks` });
    expect(
      (await call()({ method: 'GET', url: '/api/v1/reports/referrals' }))
        .json()
        .referrals.find((r: { referredId: string }) => r.referredId === friend.id).thanked,
    ).toBe(true);
  });

  it('keeps goals with progress from the therapist and from the client', async () => {
    const client = await createClient(app.http, owner);
    const goal = await call()({
      method: 'POST',
      url: `/api/v1/clients/${client.id}/goals`,
      payload: { statement: 'Fewer headaches in a week', unit: 'headaches per week', baseline: 4, target: 1, targetDate: '2026-06-30' },
    });
    expect(goal.statusCode).toBe(201);
    await call()({ method: 'POST', url: `/api/v1/goals/${goal.json().id}/progress`, payload: { value: 3 } });
    const link = (await call()({ method: 'POST', url: `/api/v1/clients/${client.id}/link` })).json().url.split('/c/')[1];
    const byClient = await app.http.inject({
      method: 'POST',
      url: `/api/v1/portal/${link}/goals/${goal.json().id}/progress`,
      payload: { value: 2, note: 'Only two this week' },
    });
    expect(byClient.statusCode).toBe(201);
    expect(byClient.json().progress.map((p: { value: number; recordedBy: string }) => `${p.value}:${p.recordedBy}`)).toEqual([
      '3:therapist',
      '2:client',
    ]);
    expect(
      (
        await call()({
          method: 'POST',
          url: `/api/v1/clients/${client.id}/goals`,
          payload: { statement: 'Bad date', targetDate: '2026-02-31' },
        })
      ).statusCode,
    ).toBe(400);
  });

  it('lists lapsed clients and sends one come-back mail in office hours, never after an opt-out', async () => {
    const lapsed = await createClient(app.http, owner, { firstName: 'Lee', consentToEmail: true });
    const optedOut = await createClient(app.http, owner, { firstName: 'Opal', consentToEmail: true });
    for (const c of [lapsed, optedOut]) await recordSession(app.http, owner, c.id, { date: '2025-11-01' });
    const token = (await call()({ method: 'POST', url: `/api/v1/clients/${optedOut.id}/link` })).json().url.split('/c/')[1];
    await app.http.inject({ method: 'POST', url: `/api/v1/portal/${token}/unsubscribe` });
    const list = (await call()({ method: 'GET', url: '/api/v1/clients/lapsed' })).json().clients.map((c: { id: string }) => c.id);
    expect(list).toEqual(expect.arrayContaining([lapsed.id, optedOut.id]));
    const { scheduleLapseSweep } = await import('./lapsed.js');
    clock.set('2026-03-02T12:00:00.000Z'); // 7:00 in New York: too early
    await scheduleLapseSweep(database().db, clock);
    await app.jobs.runDue();
    const comeBack = () => database().db.selectFrom('emails').select(['to_address']).where('subject', 'like', 'We miss you%').execute();
    expect(await comeBack()).toHaveLength(0);
    for (const hour of ['15', '16', '17']) {
      clock.set(`2026-03-02T${hour}:00:00.000Z`);
      await app.jobs.runDue();
    }
    const sent = await comeBack();
    expect(sent.map((m) => m.to_address).filter((t) => t === lapsed.email)).toHaveLength(1);
    expect(sent.map((m) => m.to_address)).not.toContain(optedOut.email);
    clock.set('2026-02-27T16:00:00.000Z');
  });
});
