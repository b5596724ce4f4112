import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, testClock } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { clientWithHomework } from '../../../../tests/helpers/factories.js';
import { readPdf } from '../../../../tests/helpers/pdf.js';
import { as, type Session, signUp } from '../../../../tests/helpers/session.js';

describeEachDatabase('the session as a SOAP note', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  const clock = testClock('2026-03-02T15:00:00.000Z');
  let owner: Session;
  let kept: Awaited<ReturnType<typeof clientWithHomework>>;

  beforeAll(async () => {
    app = await buildTestApp({ database: database(), clock });
    owner = await signUp(app.http, { practiceName: 'Soap Practice' });
    kept = await clientWithHomework(app.http, owner, { client: { firstName: 'Sam', lastName: 'Sample' } });
    clock.set('2026-03-09T15:00:00.000Z');
    const checkIn = (homeworkId: string, date: string, done: boolean, feeling?: string, note?: string) =>
      app.http.inject({ method: 'POST', url: `/api/v1/portal/${kept.token}/checkins`, payload: { homeworkId, date, done, feeling, note } });
    await checkIn(kept.homework[0].id, '2026-03-04', true, 'better', 'Less tight in the morning');
    await checkIn(kept.homework[0].id, '2026-03-06', true, 'same');
    await app.http.inject({ method: 'POST', url: `/api/v1/portal/${kept.token}/questions`, payload: { text: 'Can I do it twice a day?' } });
  });
  afterAll(() => app.http.close());

  it('gathers what the client reported since the last session, ready to pre-fill "S"', async () => {
    const res = await as(app.http, owner)({ method: 'GET', url: `/api/v1/clients/${kept.client.id}/since-last-session` });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ since: '2026-03-02', checkIns: 2, doneDays: 2, feelings: { better: 1, same: 1, worse: 0 } });
    expect(report.notes).toEqual([{ date: '2026-03-04', note: 'Less tight in the morning' }]);
    expect(report.openQuestions.map((q: { text: string }) => q.text)).toEqual(['Can I do it twice a day?']);
    expect(report.summary).toContain('Homework done on 2 days since last session');
    expect(report.summary).toContain('Less tight in the morning');
    expect(report.summary).toContain('Asked: Can I do it twice a day?');
    const other = await signUp(app.http, { practiceName: 'Elsewhere' });
    expect((await as(app.http, other)({ method: 'GET', url: `/api/v1/clients/${kept.client.id}/since-last-session` })).statusCode).toBe(
      404,
    );
  });

  it('reads a session as S, O, A and P, with the homework given and the next visit filled in', async () => {
    const call = as(app.http, owner);
    const saved = await call({
      method: 'POST',
      url: `/api/v1/clients/${kept.client.id}/sessions`,
      payload: {
        date: '2026-03-09',
        areasWorked: [{ region: 'upper-traps', side: 'left' }],
        findings: [{ region: 'neck-side', muscle: 'levator scapulae', note: 'trigger point' }],
        subjective: 'Homework done on 2 days. Less tight in the morning.',
        assessment: 'Neck moves better than last time.',
      },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const id = saved.json().id;
    expect(saved.json()).toMatchObject({
      subjective: 'Homework done on 2 days. Less tight in the morning.',
      assessment: 'Neck moves better than last time.',
    });
    await call({
      method: 'POST',
      url: `/api/v1/sessions/${id}/homework`,
      payload: { exerciseId: 'levator-scapulae-stretch', replacesHomeworkId: kept.homework[0].id },
    });
    await call({
      method: 'POST',
      url: `/api/v1/sessions/${id}/checkout`,
      payload: { rebooked: true, startsAt: '2026-03-23T10:00:00Z', confirmOverlap: true },
    });

    const soap = (await call({ method: 'GET', url: `/api/v1/sessions/${id}/soap` })).json();
    expect(soap.subjective).toContain('Less tight in the morning');
    expect(soap.objective.findings[0]).toMatchObject({ muscle: 'levator scapulae' });
    expect(soap.assessment).toBe('Neck moves better than last time.');
    expect(soap.plan.homework.map((h: { name: string }) => h.name)).toHaveLength(1);
    expect(soap.plan.nextVisit).toMatch(/^2026-03-23T10:00:00/);

    const pdf = await call({ method: 'GET', url: `/api/v1/sessions/${id}/soap.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const read = await readPdf(pdf.rawPayload);
    expect(read.text).toContain('Session note: Sam Sample');
    for (const part of [
      'Subjective',
      'Objective',
      'Assessment',
      'Plan',
      'levator scapulae',
      'Neck moves better than last time.',
      'Next visit',
    ])
      expect(read.text).toContain(part);
    expect(read.text).toContain(soap.plan.homework[0].name);
    expect(read.embedsFonts).toBe(true);
    // The therapist can correct S and A later; the visit link is never patched.
    const patched = await call({ method: 'PATCH', url: `/api/v1/sessions/${id}`, payload: { assessment: 'Better.' } });
    expect(patched.json().assessment).toBe('Better.');
    expect((await call({ method: 'PATCH', url: `/api/v1/sessions/${id}`, payload: { appointmentId: kept.client.id } })).statusCode).toBe(
      400,
    );
  });
});
