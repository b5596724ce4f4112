import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, testClock } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { createClient, recordSession } from '../../../../tests/helpers/factories.js';
import { as, type Session, sessionFrom, signUp } from '../../../../tests/helpers/session.js';
import { busyTimes } from '../appointments/busy-times.js';
import { BLOCKED, BOOKING_FEED, type FeedServer, startFeedServer } from './feed.fixtures.js';
import { scheduleCalendarSweep } from './sweep.js';

interface Listed {
  id: string;
  source: 'carryover' | 'imported';
  startsAt: string;
  endsAt: string;
  clientId: string | null;
  title?: string;
  allDay?: boolean;
  matchedBy?: string | null;
}

describeEachDatabase('the booking calendar a therapist already uses', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let owner: Session;
  let feed: FeedServer;
  const clock = testClock('2026-11-20T17:00:00.000Z');
  const call = () => as(app.http, owner);
  const utc = (iso: string) => new Date(iso).toISOString();

  async function imported(from = '2026-10-01', to = '2027-02-28') {
    const res = await call()({ method: 'GET', url: `/api/v1/appointments?from=${from}&to=${to}` });
    expect(res.statusCode).toBe(200);
    return (res.json().appointments as Listed[]).filter((a) => a.source === 'imported');
  }

  beforeAll(async () => {
    feed = await startFeedServer();
    app = await buildTestApp({ database: database(), clock });
    owner = await signUp(app.http);
    await call()({ method: 'PATCH', url: '/api/v1/practice', payload: { timezone: 'America/New_York' } });
  });
  afterAll(async () => {
    await app.http.close();
    await feed.close();
  });

  it('imports a weekly series with an exception, a cancellation and an all-day event, blocking exactly those times, matched to clients', async () => {
    const dana = await createClient(app.http, owner, { firstName: 'Dana', lastName: 'Weekly', email: 'dana.weekly@example.com' });
    const sam = await createClient(app.http, owner, { firstName: 'Sam', lastName: 'Named' });
    feed.serve({ body: BOOKING_FEED('Dana.Weekly@example.com') });

    const created = await call()({ method: 'POST', url: '/api/v1/calendar-subscriptions', payload: { url: feed.url() } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      status: 'ok',
      name: 'My bookings',
      eventCount: BLOCKED.length,
      lastError: null,
      memberId: owner.memberId,
    });
    // The private address is a key to the calendar: never shown back whole.
    expect(created.json().address).not.toContain('feed.ics');

    const events = await imported();
    expect(events.map((e) => [utc(e.startsAt), utc(e.endsAt)])).toEqual(BLOCKED);
    expect(events.filter((e) => e.clientId === dana.id)).toHaveLength(7);
    expect(events.find((e) => e.clientId === dana.id)).toMatchObject({ matchedBy: 'email' });
    expect(events.find((e) => e.title === 'Massage with Sam Named')).toMatchObject({ clientId: sam.id, matchedBy: 'name' });
    expect(events.find((e) => e.allDay)).toMatchObject({ title: 'Training course', clientId: null });

    // The one source of busy times sees the same, and nothing where the series was moved or cancelled.
    const busy = await busyTimes(database().db, {
      practiceId: owner.practiceId,
      memberId: owner.memberId,
      from: '2026-10-01T00:00:00.000Z',
      to: '2027-02-01T00:00:00.000Z',
    });
    expect(busy.filter((b) => b.source === 'imported').map((b) => [b.startsAt, b.endsAt])).toEqual(BLOCKED);

    // Booking in Carryover: refused where the calendar is busy, free where an occurrence was moved away or cancelled.
    const walkIn = await createClient(app.http, owner);
    const book = (startsAt: string) =>
      call()({ method: 'POST', url: `/api/v1/clients/${walkIn.id}/appointments`, payload: { startsAt, durationMinutes: 30 } });
    for (const busyAt of [
      '2026-11-24T14:30:00-05:00',
      '2026-12-04T15:00:00-05:00',
      '2026-12-14T10:30:00-05:00',
      '2026-12-07T13:45:00-05:00',
    ]) {
      const res = await book(busyAt);
      expect(res.statusCode, busyAt).toBe(409);
      expect(res.json().error.code).toBe('overlap');
    }
    for (const freeAt of [
      '2026-11-23T10:00:00-05:00',
      '2026-11-30T10:00:00-05:00',
      '2026-12-05T10:00:00-05:00',
      '2026-12-08T10:00:00-05:00',
      '2026-12-14T11:00:00-05:00',
    ]) {
      expect((await book(freeAt)).statusCode, freeAt).toBe(201);
    }

    // Today lists the day's imported bookings beside Carryover's own, read-only.
    const today = await call()({ method: 'GET', url: '/api/v1/today?date=2026-12-07' });
    expect(today.statusCode).toBe(200);
    expect((today.json().imported as Listed[]).map((e) => [utc(e.startsAt), e.clientId])).toEqual([
      ['2026-12-07T15:00:00.000Z', dana.id],
      ['2026-12-07T19:00:00.000Z', sam.id],
    ]);

    // A client's own list shows their imported visits too.
    const own = await call()({ method: 'GET', url: `/api/v1/appointments?from=2026-12-01&to=2026-12-31&clientId=${dana.id}` });
    expect((own.json().appointments as Listed[]).map((a) => utc(a.startsAt))).toEqual([
      '2026-12-07T15:00:00.000Z',
      '2026-12-14T15:00:00.000Z',
      '2026-12-21T15:00:00.000Z',
      '2026-12-28T15:00:00.000Z',
    ]);
  });

  it('rebooking suggestions are free of the imported bookings: a cancelled occurrence is offered, a busy Monday is not', async () => {
    const hours = await call()({
      method: 'PUT',
      url: `/api/v1/members/${owner.memberId}/working-hours`,
      payload: { weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })), daysOff: [] },
    });
    expect(hours.statusCode).toBe(200);
    const client = await createClient(app.http, owner, { firstName: 'Mo', lastName: 'Mondays' });
    // A Monday visit: the next one falls on the Monday after 14 or 28 days at the same time.
    const session = await recordSession(app.http, owner, client.id, { date: '2026-11-16' });
    const overlapsFeed = (slot: { startsAt: string; durationMinutes: number }) => {
      const s = Date.parse(slot.startsAt);
      const e = s + slot.durationMinutes * 60_000;
      return BLOCKED.some(([bs, be]) => Date.parse(bs) < e && Date.parse(be) > s);
    };
    const suggest = async () => (await call()({ method: 'GET', url: `/api/v1/sessions/${session.id}/rebook-suggestion` })).json();

    // 30 Nov 10:00 was cancelled in the booking calendar: free but for the 30-minute walk-in booked
    // in Carryover above, so the best slot is 10:30 (the cancelled hour would have blocked until 11:00).
    const fortnight = await suggest();
    expect(fortnight.slots.length).toBe(3);
    expect(utc(fortnight.slots[0].startsAt)).toBe('2026-11-30T15:30:00.000Z');
    expect(fortnight.slots.filter(overlapsFeed)).toEqual([]);

    // 14 Dec 10:00 is booked there: never offered, and no alternative touches another booking.
    await call()({ method: 'PATCH', url: '/api/v1/practice', payload: { rebookIntervalDays: 28 } });
    const month = await suggest();
    expect(month.slots.length).toBe(3);
    expect(month.slots.map((x: { startsAt: string }) => utc(x.startsAt))).not.toContain('2026-12-14T15:00:00.000Z');
    expect(month.slots.filter(overlapsFeed)).toEqual([]);
    await call()({ method: 'PATCH', url: '/api/v1/practice', payload: { rebookIntervalDays: 14 } });
  });

  it('a feed that fails or returns garbage keeps the last good copy and says why', async () => {
    const [sub] = (await call()({ method: 'GET', url: '/api/v1/calendar-subscriptions' })).json().subscriptions;
    const goodAt = sub.lastUpdatedAt;
    clock.advance(60 * 60_000);

    feed.serve({ body: '<!doctype html><title>Sign in</title>', type: 'text/html' });
    const garbage = await call()({ method: 'POST', url: `/api/v1/calendar-subscriptions/${sub.id}/refresh` });
    expect(garbage.statusCode).toBe(200);
    expect(garbage.json()).toMatchObject({ status: 'failed', lastUpdatedAt: goodAt, eventCount: BLOCKED.length });
    expect(garbage.json().lastError).toMatch(/calendar/i);
    expect(garbage.json().lastAttemptAt).not.toBe(goodAt);
    expect((await imported()).map((e) => [utc(e.startsAt), utc(e.endsAt)])).toEqual(BLOCKED);

    feed.serve({ status: 503, body: 'down for maintenance' });
    const down = await call()({ method: 'POST', url: `/api/v1/calendar-subscriptions/${sub.id}/refresh` });
    expect(down.json()).toMatchObject({ status: 'failed', lastUpdatedAt: goodAt });
    expect(down.json().lastError).toMatch(/503/);
    expect(await imported()).toHaveLength(BLOCKED.length);

    // Back to normal, on the schedule: the half-hourly sweep reads it again.
    feed.serve({ body: BOOKING_FEED('dana.weekly@example.com').replace('COUNT=10', 'COUNT=2') });
    clock.advance(31 * 60_000);
    await scheduleCalendarSweep(database().db, clock);
    expect(await app.jobs.runDue()).toBeGreaterThanOrEqual(1);
    const [after] = (await call()({ method: 'GET', url: '/api/v1/calendar-subscriptions' })).json().subscriptions;
    expect(after).toMatchObject({ status: 'ok', lastError: null });
    expect(after.lastUpdatedAt > goodAt).toBe(true);
    expect((await imported()).map((e) => utc(e.startsAt))).toEqual([
      '2026-11-02T15:00:00.000Z',
      '2026-11-09T15:00:00.000Z',
      '2026-12-04T05:00:00.000Z',
      '2026-12-07T19:00:00.000Z',
    ]);
  });

  it('matches an unsure event with one tap, for its whole series, and keeps the match across refreshes', async () => {
    const robin = await createClient(app.http, owner, { firstName: 'Robin', lastName: 'Course' });
    const course = (await imported()).find((e) => e.title === 'Training course')!;
    const tapped = await call()({ method: 'PATCH', url: `/api/v1/imported-events/${course.id}`, payload: { clientId: robin.id } });
    expect(tapped.statusCode).toBe(200);
    expect(tapped.json()).toMatchObject({ clientId: robin.id, clientName: 'Robin Course', matchedBy: 'therapist' });
    const [sub] = (await call()({ method: 'GET', url: '/api/v1/calendar-subscriptions' })).json().subscriptions;
    await call()({ method: 'POST', url: `/api/v1/calendar-subscriptions/${sub.id}/refresh` });
    // The same occurrence keeps its id when the calendar is read again.
    expect((await imported()).find((e) => e.title === 'Training course')).toMatchObject({
      id: course.id,
      clientId: robin.id,
      matchedBy: 'therapist',
    });

    // Deleting the client unlinks the booking; the booking itself stays in the therapist's calendar.
    expect((await call()({ method: 'DELETE', url: `/api/v1/clients/${robin.id}` })).statusCode).toBeLessThan(300);
    expect((await imported()).find((e) => e.title === 'Training course')).toMatchObject({ clientId: null, matchedBy: null });
    const leftover = await database().db.selectFrom('imported_event_matches').select('uid').where('client_id', '=', robin.id).execute();
    expect(leftover).toEqual([]);

    const other = await signUp(app.http);
    const stranger = await createClient(app.http, other);
    expect(
      (await call()({ method: 'PATCH', url: `/api/v1/imported-events/${course.id}`, payload: { clientId: stranger.id } })).statusCode,
    ).toBe(404);
    expect(
      (await as(app.http, other)({ method: 'PATCH', url: `/api/v1/imported-events/${course.id}`, payload: { clientId: null } })).statusCode,
    ).toBe(404);
    expect((await as(app.http, other)({ method: 'POST', url: `/api/v1/calendar-subscriptions/${sub.id}/refresh` })).statusCode).toBe(404);
    expect(
      (await as(app.http, other)({ method: 'GET', url: '/api/v1/appointments?from=2026-10-01&to=2027-02-28' })).json().appointments,
    ).toEqual([]);
  });

  it('refuses an address that is not http(s), is Carryover itself, or is not a calendar, with nothing stored', async () => {
    const fresh = await signUp(app.http);
    const post = (url: string) => as(app.http, fresh)({ method: 'POST', url: '/api/v1/calendar-subscriptions', payload: { url } });
    const cases: [string, string][] = [
      ['ftp://calendar.example.com/cal.ics', 'calendar_bad_address'],
      ['my calendar', 'calendar_bad_address'],
      ['http://carryover.test/api/v1/calendar/feed.ics', 'calendar_refused_address'],
      [feed.url('/nowhere-else'), 'calendar_not_ical'],
    ];
    feed.serve({ body: 'Hello, this is not a calendar' });
    for (const [url, code] of cases) {
      const res = await post(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.code, url).toBe(code);
      expect(res.json().error.fields.url, url).toBeTruthy();
    }
    feed.serve({ status: 404, body: '' });
    expect((await post(feed.url())).json().error.code).toBe('calendar_http_status');
    expect((await as(app.http, fresh)({ method: 'GET', url: '/api/v1/calendar-subscriptions' })).json().subscriptions).toEqual([]);
  });

  it('answers date-only ranges in the practice’s zone, the last day included whole', async () => {
    const client = await createClient(app.http, owner);
    const book = (startsAt: string) =>
      call()({
        method: 'POST',
        url: `/api/v1/clients/${client.id}/appointments`,
        payload: { startsAt, durationMinutes: 30, confirmOverlap: true },
      });
    const inside = [(await book('2026-12-03T00:15:00-05:00')).json().id, (await book('2026-12-17T23:15:00-05:00')).json().id];
    const outside = [(await book('2026-12-02T23:15:00-05:00')).json().id, (await book('2026-12-18T00:15:00-05:00')).json().id];
    const res = await call()({ method: 'GET', url: `/api/v1/appointments?from=2026-12-03&to=2026-12-17&clientId=${client.id}` });
    expect(res.statusCode).toBe(200);
    const ids = (res.json().appointments as Listed[]).map((a) => a.id);
    expect(ids).toEqual(inside);
    expect(ids).not.toContain(outside[0]);
    // A date and a date-time may be mixed; nonsense and backwards ranges are 400 naming the field.
    expect((await call()({ method: 'GET', url: '/api/v1/appointments?from=2026-12-03&to=2026-12-18T00:00:00-05:00' })).statusCode).toBe(
      200,
    );
    const bad = await call()({ method: 'GET', url: '/api/v1/appointments?from=2026-13-45&to=2026-12-17' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('from');
    const backwards = await call()({ method: 'GET', url: '/api/v1/appointments?from=2026-12-17&to=2026-12-03' });
    expect(backwards.statusCode).toBe(400);
    // The dashboard takes either form too.
    const days = await call()({ method: 'GET', url: '/api/v1/reports/summary?from=2026-12-01&to=2026-12-31' });
    const instants = await call()({
      method: 'GET',
      url: '/api/v1/reports/summary?from=2026-12-01T00:00:00-05:00&to=2027-01-01T00:00:00-05:00',
    });
    expect(days.statusCode).toBe(200);
    expect(instants.statusCode).toBe(200);
    expect(instants.json()).toMatchObject({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('stops reading a calendar that is removed: its events no longer show or block', async () => {
    const [sub] = (await call()({ method: 'GET', url: '/api/v1/calendar-subscriptions' })).json().subscriptions;
    expect((await call()({ method: 'DELETE', url: `/api/v1/calendar-subscriptions/${sub.id}` })).statusCode).toBe(200);
    expect(await imported()).toEqual([]);
    const busy = await busyTimes(database().db, {
      practiceId: owner.practiceId,
      memberId: owner.memberId,
      from: '2026-10-01T00:00:00.000Z',
      to: '2027-02-01T00:00:00.000Z',
    });
    expect(busy.filter((b) => b.source === 'imported')).toEqual([]);
  });
});

describeEachDatabase('whose booking calendar it is', (database) => {
  it('a therapist adds and sees only their own; the owner adds one for a therapist; a key must say whose', async () => {
    const feed = await startFeedServer();
    const app = await buildTestApp({ database: database(), clock: testClock('2026-11-20T17:00:00.000Z') });
    try {
      feed.serve({ body: BOOKING_FEED('nobody@example.com') });
      const owner = await signUp(app.http);
      const email = `colleague-${Date.now()}@example.com`;
      await as(app.http, owner)({ method: 'POST', url: '/api/v1/invitations', payload: { email } });
      const mail = await database().db.selectFrom('emails').select('text_body').where('to_address', '=', email).executeTakeFirstOrThrow();
      const accepted = await app.http.inject({
        method: 'POST',
        url: '/api/v1/invitations/accept',
        payload: { token: /token=([\w-]+)/.exec(mail.text_body)?.[1], name: 'Colleague', password: 'colleague password' },
      });
      const therapist = sessionFrom(accepted);
      const post = (who: Session, payload: object) => as(app.http, who)({ method: 'POST', url: '/api/v1/calendar-subscriptions', payload });
      const listOf = async (who: Session) =>
        (await as(app.http, who)({ method: 'GET', url: '/api/v1/calendar-subscriptions' })).json().subscriptions as {
          id: string;
          memberId: string;
        }[];

      expect((await post(therapist, { url: feed.url(), memberId: owner.memberId })).statusCode).toBe(403);
      const own = await post(therapist, { url: feed.url() });
      expect(own.statusCode).toBe(201);
      expect(own.json().memberId).toBe(therapist.memberId);
      expect((await post(therapist, { url: feed.url() })).statusCode).toBe(409);
      const forThem = await post(owner, { url: feed.url('/second.ics'), memberId: therapist.memberId });
      expect(forThem.statusCode).toBe(201);
      const ownerOwn = await post(owner, { url: feed.url('/owner.ics') });
      expect(ownerOwn.statusCode).toBe(201);

      expect((await listOf(therapist)).map((x) => x.id).sort()).toEqual([own.json().id, forThem.json().id].sort());
      expect(await listOf(owner)).toHaveLength(3);
      const refreshOwners = await as(
        app.http,
        therapist,
      )({ method: 'POST', url: `/api/v1/calendar-subscriptions/${ownerOwn.json().id}/refresh` });
      expect(refreshOwners.statusCode).toBe(404);
      // The therapist's calendar shows their bookings only, not the owner's.
      const theirs = await as(app.http, therapist)({ method: 'GET', url: '/api/v1/appointments?from=2026-12-07&to=2026-12-07' });
      expect(new Set((theirs.json().appointments as Listed[]).map((a) => (a as { therapistId?: string }).therapistId))).toEqual(
        new Set([therapist.memberId]),
      );

      const key = (await as(app.http, owner)({ method: 'POST', url: '/api/v1/api-keys', payload: { name: 'Booking sync' } })).json().key;
      const byKey = await app.http.inject({
        method: 'POST',
        url: '/api/v1/calendar-subscriptions',
        headers: { authorization: `Bearer ${key}` },
        payload: { url: feed.url('/key.ics') },
      });
      expect(byKey.statusCode).toBe(400);
      expect(byKey.json().error.fields).toHaveProperty('memberId');
    } finally {
      await app.http.close();
      await feed.close();
    }
  });
});

describeEachDatabase('calendar addresses in production', (database) => {
  it('refuses this machine and private networks, judged by the address a name resolves to', async () => {
    const feed = await startFeedServer();
    const app = await buildTestApp({ database: database(), env: { NODE_ENV: 'production', PUBLIC_URL: 'https://carryover.test' } });
    try {
      const owner = await signUp(app.http);
      feed.serve({ body: BOOKING_FEED('x@example.com') });
      for (const url of [feed.url(), feed.url().replace('127.0.0.1', 'localhost'), 'http://169.254.169.254/latest/meta-data/']) {
        const res = await as(app.http, owner)({ method: 'POST', url: '/api/v1/calendar-subscriptions', payload: { url } });
        expect(res.statusCode, url).toBe(400);
        expect(res.json().error.code).toBe('calendar_refused_address');
      }
      expect(feed.requests).toBe(0);
    } finally {
      await app.http.close();
      await feed.close();
    }
  });
});
