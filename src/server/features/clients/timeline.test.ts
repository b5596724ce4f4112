import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, testClock } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { clientWithHomework } from '../../../../tests/helpers/factories.js';
import { as, type Session, signUp } from '../../../../tests/helpers/session.js';

// The client record's timeline tells the whole story between visits, not only the sessions.
describeEachDatabase('clients: the timeline', (database) => {
  const clock = testClock('2026-03-02T15:00:00.000Z');
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let owner: Session;
  let other: Session;
  beforeAll(async () => {
    app = await buildTestApp({ database: database(), clock });
    owner = await signUp(app.http, { practiceName: 'Timeline Practice', name: 'Therapist Tess' });
    other = await signUp(app.http, { practiceName: 'Other Practice', name: 'Therapist Ola' });
  });
  afterAll(async () => {
    await app.http.close();
  });

  it('shows homework given and ended, emails, check-ins, questions and answers, bookings and goal progress', async () => {
    const call = as(app.http, owner);
    const { client, session, homework, token } = await clientWithHomework(app.http, owner, {
      client: { firstName: 'Ada', lastName: 'Timeline' },
      exerciseIds: ['chin-tucks', 'suboccipital-ball-release'],
    });
    const portal = (path: string, payload: Record<string, unknown>) =>
      app.http.inject({ method: 'POST', url: `/api/v1/portal/${token}${path}`, payload });
    const ok = (res: { statusCode: number; body: string }) => expect(res.statusCode, res.body).toBeLessThan(300);

    clock.set('2026-03-03T15:00:00.000Z');
    ok(await call({ method: 'POST', url: `/api/v1/sessions/${session.id}/send` }));
    ok(await portal('/checkins', { homeworkId: homework[0].id, done: true, feeling: 'better', note: 'Easier to turn my head' }));
    ok(await portal('/checkins', { homeworkId: homework[1].id, done: false }));
    const asked = await portal('/questions', { text: 'Can I do it twice a day?' });
    ok(asked);
    ok(await call({ method: 'POST', url: `/api/v1/questions/${asked.json().id}/answer`, payload: { text: 'Yes, gently.' } }));
    const goal = await call({
      method: 'POST',
      url: `/api/v1/clients/${client.id}/goals`,
      payload: { statement: 'Fewer headaches', unit: 'per week' },
    });
    ok(goal);
    ok(await call({ method: 'POST', url: `/api/v1/goals/${goal.json().id}/progress`, payload: { value: 2 } }));
    ok(
      await call({
        method: 'POST',
        url: `/api/v1/clients/${client.id}/appointments`,
        payload: { startsAt: '2026-03-16T15:00:00.000Z', durationMinutes: 60 },
      }),
    );
    clock.set('2026-03-04T15:00:00.000Z');
    ok(await call({ method: 'POST', url: `/api/v1/homework/${homework[0].id}/progress`, payload: { exerciseId: 'chin-tuck-head-lift' } }));
    ok(await call({ method: 'DELETE', url: `/api/v1/homework/${homework[1].id}` }));

    const res = await call({ method: 'GET', url: `/api/v1/clients/${client.id}/timeline` });
    expect(res.statusCode).toBe(200);
    const entries = res.json().entries as { kind: string; at: string; title: string; detail: string | null; sessionId: string | null }[];
    const titles = entries.map((e) => `${e.kind}: ${e.title}${e.detail ? ` — ${e.detail}` : ''}`);
    expect(titles).toEqual(
      expect.arrayContaining([
        'homework: Homework given: Seated chin tucks',
        expect.stringMatching(/^homework-ended: Moved on from Seated chin tucks — To /),
        expect.stringMatching(/^homework-ended: Homework retired: Tennis ball release/),
        expect.stringMatching(/^email: Email (sent|waiting to go) — /),
        'check-in: Checked in: 1 of 2 items done — felt better · “Easier to turn my head”',
        'question: Asked a question — Can I do it twice a day?',
        'answer: Question answered — Yes, gently.',
        'goal: Goal set: Fewer headaches',
        'goal-progress: Goal progress: Fewer headaches — 2 per week, logged by the therapist',
        expect.stringMatching(/^booking: Visit booked: .*16 March/),
        'session: Session — Needed more time: back of neck (left)',
        'created: Added to Carryover',
      ]),
    );
    expect(entries.find((e) => e.kind === 'homework')?.sessionId).toBe(session.id);
    // Newest first.
    const times = entries.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('shows nothing of a client of another practice', async () => {
    const { client } = await clientWithHomework(app.http, owner);
    const res = await as(app.http, other)({ method: 'GET', url: `/api/v1/clients/${client.id}/timeline` });
    expect(res.statusCode).toBe(404);
  });
});
