import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, testClock } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { clientWithHomework, createClient } from '../../../../tests/helpers/factories.js';
import { as, type Session, sessionFrom, signUp } from '../../../../tests/helpers/session.js';

describeEachDatabase('the therapist’s day (Today)', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  const clock = testClock('2026-03-02T15:00:00.000Z');
  let owner: Session;
  let colleague: Session;
  let kept: Awaited<ReturnType<typeof clientWithHomework>>;
  let quietId: string;
  let theirsId: string;
  const visits: Record<string, string> = {};

  async function inviteTherapist(email: string) {
    await as(app.http, owner)({ method: 'POST', url: '/api/v1/invitations', payload: { email } });
    const mail = await database().db.selectFrom('emails').select('text_body').where('to_address', '=', email).executeTakeFirstOrThrow();
    const payload = { token: /token=([\w-]+)/.exec(mail.text_body)?.[1], name: 'Colleague', password: 'colleague password' };
    return sessionFrom(await app.http.inject({ method: 'POST', url: '/api/v1/invitations/accept', payload }));
  }

  const book = async (who: Session, clientId: string, startsAt: string) => {
    const res = await as(
      app.http,
      who,
    )({ method: 'POST', url: `/api/v1/clients/${clientId}/appointments`, payload: { startsAt, confirmOverlap: true } });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json().appointment ?? res.json()).id as string;
  };
  const today = (who: Session, query = '') => as(app.http, who)({ method: 'GET', url: `/api/v1/today${query}` });

  beforeAll(async () => {
    app = await buildTestApp({ database: database(), clock });
    owner = await signUp(app.http, { practiceName: 'Day Practice' });
    // The practice's clock is New York's: its day is not the server's UTC day.
    await as(app.http, owner)({ method: 'PATCH', url: '/api/v1/practice', payload: { timezone: 'America/New_York' } });
    colleague = await inviteTherapist(`colleague-${randomUUID()}@example.com`);
    kept = await clientWithHomework(app.http, owner, {
      client: {
        firstName: 'Kept',
        lastName: 'Up',
        intake: { complaints: ['headaches'], tools: ['tennis-ball'], cautions: ['blood-thinners'] },
      },
    });
    quietId = (await createClient(app.http, owner, { firstName: 'Quiet', lastName: 'One' })).id;
    theirsId = (await createClient(app.http, colleague, { firstName: 'Theirs', lastName: 'Only' })).id;

    // Four days later the client has ticked two days done and asked a question.
    clock.set('2026-03-06T15:00:00.000Z');
    const checkIn = (homeworkId: string, date: string, done: boolean, feeling?: string) =>
      app.http.inject({ method: 'POST', url: `/api/v1/portal/${kept.token}/checkins`, payload: { homeworkId, date, done, feeling } });
    for (const r of [
      await checkIn(kept.homework[0].id, '2026-03-03', true, 'better'),
      await checkIn(kept.homework[1].id, '2026-03-03', true),
      await checkIn(kept.homework[0].id, '2026-03-04', true, 'better'),
      await checkIn(kept.homework[0].id, '2026-03-05', false, 'worse'),
    ])
      expect(r.statusCode, r.body).toBeLessThan(300);
    await app.http.inject({
      method: 'POST',
      url: `/api/v1/portal/${kept.token}/questions`,
      payload: { text: 'Should the ball feel sore?' },
    });

    visits.kept = await book(owner, kept.client.id, '2026-03-06T14:00:00-05:00');
    visits.quiet = await book(owner, quietId, '2026-03-06T09:00:00-05:00');
    // 21:00 in New York is already the next day in UTC: still today on the practice's clock.
    visits.evening = await book(owner, quietId, '2026-03-07T02:00:00Z');
    visits.tomorrow = await book(owner, quietId, '2026-03-07T10:00:00-05:00');
    visits.theirs = await book(colleague, theirsId, '2026-03-06T11:00:00-05:00');
    const cancelled = await book(owner, kept.client.id, '2026-03-06T16:00:00-05:00');
    await as(app.http, owner)({ method: 'PATCH', url: `/api/v1/appointments/${cancelled}`, payload: { status: 'cancelled' } });
  });
  afterAll(() => app.http.close());

  it('lists the day on the practice’s clock, in order, with cautions, complaints, homework and questions', async () => {
    const res = await today(owner);
    expect(res.statusCode, res.body).toBe(200);
    const day = res.json();
    expect(day.date).toBe('2026-03-06');
    expect(day.appointments.map((a: { id: string }) => a.id)).toEqual([visits.quiet, visits.theirs, visits.kept, visits.evening]);
    const k = day.appointments.find((a: { id: string }) => a.id === visits.kept);
    expect(k.startsAt).toBe('2026-03-06T14:00:00.000-05:00');
    expect(k.durationMinutes).toBe(60);
    expect(k.client).toMatchObject({
      id: kept.client.id,
      firstName: 'Kept',
      lastName: 'Up',
      cautions: ['blood-thinners'],
      complaints: ['headaches'],
    });
    // Homework given on 2 March: five days so far, two with something done.
    expect(k.homework).toMatchObject({
      active: 2,
      doneDays: 2,
      ofDays: 5,
      lastCheckIn: '2026-03-05',
      feelings: { better: 2, same: 0, worse: 1 },
    });
    expect(k.openQuestions.map((q: { text: string }) => q.text)).toEqual(['Should the ball feel sore?']);
    expect(k.sessionId).toBeUndefined();
    const q = day.appointments.find((a: { id: string }) => a.id === visits.quiet);
    expect(q.homework).toMatchObject({ active: 0, doneDays: 0, ofDays: 0, lastCheckIn: null });
  });

  it('counts at most the last 14 days', async () => {
    const day = (await today(owner, '?date=2026-03-30')).json();
    expect(day.appointments).toEqual([]);
    clock.set('2026-03-30T15:00:00.000Z');
    await book(owner, kept.client.id, '2026-03-30T10:00:00-04:00');
    const later = (await today(owner)).json();
    expect(later.appointments[0].homework).toMatchObject({ ofDays: 14, doneDays: 0, lastCheckIn: '2026-03-05' });
    clock.set('2026-03-06T15:00:00.000Z');
  });

  it('shows a therapist only their own day, and the owner everyone’s or one therapist’s', async () => {
    const theirs = (await today(colleague, '?date=2026-03-06')).json();
    expect(theirs.appointments.map((a: { id: string }) => a.id)).toEqual([visits.theirs]);
    // Asking for the owner's day changes nothing for a therapist.
    const asked = (await today(colleague, `?date=2026-03-06&therapistId=${owner.memberId}`)).json();
    expect(asked.appointments.map((a: { id: string }) => a.id)).toEqual([visits.theirs]);
    const filtered = (await today(owner, `?date=2026-03-06&therapistId=${colleague.memberId}`)).json();
    expect(filtered.appointments.map((a: { id: string }) => a.id)).toEqual([visits.theirs]);
    const next = (await today(owner, '?date=2026-03-07')).json();
    expect(next.appointments.map((a: { id: string }) => a.id)).toEqual([visits.tomorrow]);
  });

  it('shows another practice nothing, and refuses its therapist as a filter', async () => {
    const other = await signUp(app.http, { practiceName: 'Other Practice' });
    const res = await today(other, '?date=2026-03-06');
    expect(res.statusCode).toBe(200);
    expect(res.json().appointments).toEqual([]);
    expect(res.body).not.toContain('Kept');
    const foreign = await today(other, `?date=2026-03-06&therapistId=${owner.memberId}`);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.fields.therapistId).toBeTruthy();
  });

  it('answers a bad date with 400 naming the field', async () => {
    for (const date of ['2026-02-30', 'tomorrow', '06/03/2026', '1999-12-31']) {
      const res = await today(owner, `?date=${encodeURIComponent(date)}`);
      expect(res.statusCode, date).toBe(400);
      expect(Object.keys(res.json().error.fields ?? {}), date).toContain('date');
    }
  });

  it('starts a session from the appointment: the visit is attended and linked, once', async () => {
    const start = (who: Session, clientId: string, appointmentId: string) =>
      as(app.http, who)({ method: 'POST', url: `/api/v1/clients/${clientId}/sessions`, payload: { date: '2026-03-06', appointmentId } });
    const wrongClient = await start(owner, quietId, visits.kept);
    expect(wrongClient.statusCode).toBe(400);
    expect(wrongClient.json().error.fields.appointmentId).toBeTruthy();
    expect((await start(owner, kept.client.id, randomUUID())).statusCode).toBe(404);
    const other = await signUp(app.http, { practiceName: 'Third Practice' });
    const stranger = await createClient(app.http, other);
    expect((await start(other, stranger.id, visits.kept)).statusCode).toBe(404);

    const res = await start(owner, kept.client.id, visits.kept);
    expect(res.statusCode, res.body).toBe(201);
    const session = res.json();
    expect(session.appointmentId).toBe(visits.kept);
    expect((await as(app.http, owner)({ method: 'GET', url: `/api/v1/sessions/${session.id}` })).json().appointmentId).toBe(visits.kept);

    const list = await as(
      app.http,
      owner,
    )({
      method: 'GET',
      url: `/api/v1/appointments?from=2026-03-06T00:00:00-05:00&to=2026-03-07T00:00:00-05:00&clientId=${kept.client.id}`,
    });
    const visit = list.json().appointments.find((a: { id: string }) => a.id === visits.kept);
    expect(visit).toMatchObject({ status: 'done', recordedSessionId: session.id });
    const day = (await today(owner, '?date=2026-03-06')).json();
    expect(day.appointments.find((a: { id: string }) => a.id === visits.kept)).toMatchObject({ status: 'done', sessionId: session.id });

    const again = await start(owner, kept.client.id, visits.kept);
    expect(again.statusCode).toBe(409);
    const sessions = await database().db.selectFrom('session_records').select('id').where('client_id', '=', kept.client.id).execute();
    expect(sessions).toHaveLength(2);
  });

  it('leaves a visit as it was when a session is recorded without naming it', async () => {
    const res = await as(
      app.http,
      colleague,
    )({ method: 'POST', url: `/api/v1/clients/${theirsId}/sessions`, payload: { date: '2026-03-06' } });
    expect(res.statusCode).toBe(201);
    expect(res.json().appointmentId).toBeNull();
    const row = await database().db.selectFrom('appointments').selectAll().where('id', '=', visits.theirs).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'booked', recorded_session_id: null });
  });
});
