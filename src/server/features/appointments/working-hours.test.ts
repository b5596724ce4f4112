import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, testClock } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { createClient, recordSession } from '../../../../tests/helpers/factories.js';
import { as, type Session, sessionFrom, signUp } from '../../../../tests/helpers/session.js';

const ZONE = 'America/New_York';

describeEachDatabase('working hours and free rebooking slots', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let owner: Session;
  const clock = testClock('2026-03-02T15:00:00.000Z');
  beforeAll(async () => {
    app = await buildTestApp({ database: database(), clock });
    owner = await signUp(app.http);
    await as(app.http, owner)({ method: 'PATCH', url: '/api/v1/practice', payload: { timezone: ZONE, rebookIntervalDays: 14 } });
  });
  afterAll(() => app.http.close());
  const call = () => as(app.http, owner);
  const hoursUrl = () => `/api/v1/members/${owner.memberId}/working-hours`;
  const week = {
    weekly: [
      { weekday: 1, start: '09:00', end: '12:00' },
      { weekday: 1, start: '13:00', end: '17:00' },
      { weekday: 3, start: '10:00', end: '16:00' },
    ],
    daysOff: [{ date: '2026-03-18', reason: 'Course' }],
  };

  /** Every booked appointment of the owner, as UTC intervals. */
  async function bookedTimes() {
    return database()
      .db.selectFrom('appointments')
      .select(['starts_at', 'ends_at'])
      .where('therapist_id', '=', owner.memberId)
      .where('status', '!=', 'cancelled')
      .execute();
  }

  /** Checks what the contract promises of each slot: free, inside the saved week, not on a day off. */
  async function expectFreeAndInHours(slots: { startsAt: string; durationMinutes: number }[]) {
    const busy = await bookedTimes();
    for (const s of slots) {
      const start = DateTime.fromISO(s.startsAt, { zone: ZONE });
      const end = start.plus({ minutes: s.durationMinutes });
      expect(
        busy.some((b) => Date.parse(b.starts_at) < end.toMillis() && Date.parse(b.ends_at) > start.toMillis()),
        s.startsAt,
      ).toBe(false);
      const hhmm = (d: DateTime) => d.toFormat('HH:mm');
      expect(
        week.weekly.some((r) => r.weekday === start.weekday && hhmm(start) >= r.start && hhmm(end) <= r.end && end.hasSame(start, 'day')),
        s.startsAt,
      ).toBe(true);
      expect(week.daysOff.map((d) => d.date)).not.toContain(start.toISODate());
    }
  }

  it('keeps each therapist’s week with breaks and days off, and refuses overlaps naming the day', async () => {
    const assumed = (await call()({ method: 'GET', url: hoursUrl() })).json();
    expect(assumed).toMatchObject({ timezone: ZONE, saved: false, daysOff: [] });
    expect(assumed.weekly).toHaveLength(5);

    const overlap = await call()({
      method: 'PUT',
      url: hoursUrl(),
      payload: { weekly: [week.weekly[0], { weekday: 1, start: '11:00', end: '14:00' }], daysOff: [] },
    });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().error.message).toContain('Monday');
    const backwards = await call()({
      method: 'PUT',
      url: hoursUrl(),
      payload: { weekly: [{ weekday: 2, start: '17:00', end: '09:00' }], daysOff: [] },
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.message).toContain('Tuesday');
    expect(backwards.json().error.fields).toHaveProperty(['weekly.0.end']);
    const badDay = await call()({
      method: 'PUT',
      url: hoursUrl(),
      payload: { weekly: [{ weekday: 8, start: '09:00', end: '10:00' }], daysOff: [] },
    });
    expect(badDay.statusCode).toBe(400);
    expect((await call()({ method: 'GET', url: hoursUrl() })).json().saved).toBe(false);

    const saved = await call()({ method: 'PUT', url: hoursUrl(), payload: week });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ memberId: owner.memberId, timezone: ZONE, saved: true, ...week });
    expect((await call()({ method: 'GET', url: hoursUrl() })).json()).toEqual(saved.json());
  });

  it('lets a therapist set only their own hours; the owner sets anyone’s; no other practice sees them', async () => {
    await call()({
      method: 'POST',
      url: '/api/v1/invitations',
      payload: { email: 'hours.therapist@example.com', name: 'Hours Therapist' },
    });
    await app.jobs.runDue();
    const mail = await database()
      .db.selectFrom('emails')
      .select('text_body')
      .where('to_address', '=', 'hours.therapist@example.com')
      .executeTakeFirstOrThrow();
    const token = /invite\?token=([\w-]+)/.exec(mail.text_body)?.[1];
    const accepted = await app.http.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token, name: 'Hours Therapist', password: 'therapist password' },
    });
    const therapist = sessionFrom(accepted);
    const own = `/api/v1/members/${therapist.memberId}/working-hours`;
    const mine = await as(
      app.http,
      therapist,
    )({ method: 'PUT', url: own, payload: { weekly: [{ weekday: 6, start: '08:00', end: '12:00' }], daysOff: [] } });
    expect(mine.statusCode).toBe(200);
    expect((await as(app.http, therapist)({ method: 'GET', url: hoursUrl() })).statusCode).toBe(404);
    expect((await as(app.http, therapist)({ method: 'PUT', url: hoursUrl(), payload: week })).statusCode).toBe(404);
    expect((await call()({ method: 'GET', url: own })).json().weekly).toEqual([{ weekday: 6, start: '08:00', end: '12:00' }]);
    const stranger = await signUp(app.http);
    expect((await as(app.http, stranger)({ method: 'GET', url: own })).statusCode).toBe(404);
  });

  it('offers only free slots inside working hours, never on a day off, near the usual day and time, across the March change', async () => {
    const other = await createClient(app.http, owner, { firstName: 'Ada' });
    // Another client already has the client's ideal time: Monday 16 March 10:00 (after clocks go forward on 8 March).
    const taken = await call()({
      method: 'POST',
      url: `/api/v1/clients/${other.id}/appointments`,
      payload: { startsAt: '2026-03-16T10:00:00-04:00', durationMinutes: 60 },
    });
    expect(taken.statusCode).toBe(201);
    const client = await createClient(app.http, owner, { firstName: 'Bea' });
    await call()({ method: 'POST', url: `/api/v1/clients/${client.id}/appointments`, payload: { startsAt: '2026-03-02T10:00:00-05:00' } });
    const session = await recordSession(app.http, owner, client.id, { date: '2026-03-02' });
    clock.set('2026-03-02T16:30:00.000Z');
    const res = await call()({ method: 'GET', url: `/api/v1/sessions/${session.id}/rebook-suggestion` });
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.existing).toBeUndefined();
    expect(s).toMatchObject({ intervalDays: 14, durationMinutes: 60, timezone: ZONE });
    // 09:00 the same Monday is nearest the usual 10:00; Wednesday 18th is a day off, so the next are the 11th and the 9th.
    expect(s.slots.map((x: { startsAt: string }) => x.startsAt)).toEqual([
      '2026-03-16T09:00:00.000-04:00',
      '2026-03-11T10:00:00.000-04:00',
      '2026-03-09T10:00:00.000-04:00',
    ]);
    await expectFreeAndInHours(s.slots);

    // One tap books the best slot: no overlap question, since it is free.
    const booked = await call()({
      method: 'POST',
      url: `/api/v1/sessions/${session.id}/checkout`,
      payload: { rebooked: true, startsAt: s.slots[0].startsAt, durationMinutes: s.slots[0].durationMinutes },
    });
    expect(booked.statusCode).toBe(200);

    // The client now has a visit ahead: it comes back as `existing`, and the slots (to move it) are still free.
    const again = (await call()({ method: 'GET', url: `/api/v1/sessions/${session.id}/rebook-suggestion` })).json();
    expect(again.existing).toMatchObject({ id: booked.json().appointment.id, startsAt: '2026-03-16T09:00:00.000-04:00' });
    expect(again.slots.length).toBeGreaterThan(0);
    await expectFreeAndInHours(again.slots.filter((x: { startsAt: string }) => x.startsAt !== again.existing.startsAt));

    // At the next session the client keeps that visit: one tap, and the session counts as rebooked.
    const next = await recordSession(app.http, owner, client.id, { date: '2026-03-02' });
    const kept = await call()({
      method: 'POST',
      url: `/api/v1/sessions/${next.id}/checkout`,
      payload: { rebooked: true, keepAppointmentId: again.existing.id },
    });
    expect(kept.json()).toMatchObject({ rebooked: true, appointment: { id: again.existing.id } });
    const row = await database().db.selectFrom('session_records').select('rebooked').where('id', '=', next.id).executeTakeFirstOrThrow();
    expect(row.rebooked).toBe(1);
    const othersVisit = taken.json().id;
    const notTheirs = await call()({
      method: 'POST',
      url: `/api/v1/sessions/${next.id}/checkout`,
      payload: { rebooked: true, keepAppointmentId: othersVisit },
    });
    expect(notTheirs.statusCode).toBe(404);
    const neither = await call()({ method: 'POST', url: `/api/v1/sessions/${next.id}/checkout`, payload: { rebooked: true } });
    expect(neither.statusCode).toBe(400);
    expect(neither.json().error.fields).toHaveProperty('startsAt');
  });

  it('keeps the client’s 10:00 across the November change and skips a full day', async () => {
    clock.set('2026-10-26T14:30:00.000Z');
    // Months later the first sign-in has expired: a new practice with the same week.
    owner = await signUp(app.http);
    await call()({ method: 'PATCH', url: '/api/v1/practice', payload: { timezone: ZONE, rebookIntervalDays: 14 } });
    expect((await call()({ method: 'PUT', url: hoursUrl(), payload: week })).statusCode).toBe(200);
    const client = await createClient(app.http, owner, { firstName: 'Cy' });
    await call()({ method: 'POST', url: `/api/v1/clients/${client.id}/appointments`, payload: { startsAt: '2026-10-12T10:00:00-04:00' } });
    await call()({ method: 'POST', url: `/api/v1/clients/${client.id}/appointments`, payload: { startsAt: '2026-10-26T10:00:00-04:00' } });
    const session = await recordSession(app.http, owner, client.id, { date: '2026-10-26' });
    clock.set('2026-10-26T15:30:00.000Z');
    // Monday 9 November is full: every working range is taken.
    const filler = await createClient(app.http, owner, { firstName: 'Dot' });
    for (const [start, minutes] of [
      ['2026-11-09T09:00:00-05:00', 180],
      ['2026-11-09T13:00:00-05:00', 240],
    ] as const)
      expect(
        (
          await call()({
            method: 'POST',
            url: `/api/v1/clients/${filler.id}/appointments`,
            payload: { startsAt: start, durationMinutes: minutes },
          })
        ).statusCode,
      ).toBe(201);
    const s = (await call()({ method: 'GET', url: `/api/v1/sessions/${session.id}/rebook-suggestion` })).json();
    expect(s.intervalDays).toBe(14);
    expect(s.slots.map((x: { startsAt: string }) => x.startsAt)).toEqual([
      '2026-11-11T10:00:00.000-05:00',
      '2026-11-04T10:00:00.000-05:00',
      '2026-11-02T10:00:00.000-05:00',
    ]);
    await expectFreeAndInHours(s.slots);

    // An event from the therapist's own booking calendar fills Wednesday 11th: it blocks like an appointment.
    const db = database().db;
    const subscriptionId = randomUUID();
    await db
      .insertInto('calendar_subscriptions')
      .values({
        id: subscriptionId,
        practice_id: owner.practiceId,
        member_id: owner.memberId,
        url: 'https://calendar.example.com/private.ics',
        name: null,
        status: 'ok',
        last_success_at: null,
        last_attempt_at: null,
        last_error: null,
        created_at: '2026-10-26T15:00:00.000Z',
      })
      .execute();
    await db
      .insertInto('imported_events')
      .values({
        id: randomUUID(),
        practice_id: owner.practiceId,
        subscription_id: subscriptionId,
        member_id: owner.memberId,
        uid: 'course@example.com',
        title: 'Course',
        starts_at: '2026-11-11T15:00:00.000Z',
        ends_at: '2026-11-11T21:00:00.000Z',
        all_day: 0,
        attendee_email: null,
        client_id: null,
        matched_by: null,
      })
      .execute();
    const around = (await call()({ method: 'GET', url: `/api/v1/sessions/${session.id}/rebook-suggestion` })).json();
    expect(around.slots.map((x: { startsAt: string }) => x.startsAt)).toEqual([
      '2026-11-04T10:00:00.000-05:00',
      '2026-11-02T10:00:00.000-05:00',
      '2026-11-16T10:00:00.000-05:00',
    ]);
  });
});
