import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { createClient, recordSession, TINY_PNG, uploadForm } from '../../../../tests/helpers/factories.js';
import { readPdf } from '../../../../tests/helpers/pdf.js';
import { as, type Session, signUp } from '../../../../tests/helpers/session.js';
import { startSmtp, type TestSmtp } from '../../../../tests/helpers/smtp.js';
import { smtpTransport } from '../../email/transport.js';

describeEachDatabase('homework: suggest, assign, teach, send', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let smtp: TestSmtp;
  let owner: Session;
  beforeAll(async () => {
    smtp = await startSmtp();
    app = await buildTestApp({ database: database(), transport: smtpTransport(smtp.url) });
    owner = await signUp(app.http, { practiceName: 'Homework Practice', name: 'Therapist Tess' });
  });
  afterAll(async () => {
    await app.http.close();
    await smtp.close();
  });
  const call = (s: Session = owner) => as(app.http, s);

  async function clientWithSession(intake: Record<string, unknown>, session: Record<string, unknown> = {}) {
    const client = await createClient(app.http, owner, { intake });
    const s = await recordSession(app.http, owner, client.id, session);
    return { client, session: s };
  }

  it('suggests with reasons and lists excluded items apart', async () => {
    const { session } = await clientWithSession(
      { complaints: ['tight-calves'], lifestyle: ['runner'], tools: ['foam-roller'], cautions: ['clot-history'] },
      { areasNeedingMoreTime: [{ region: 'calf', side: 'left' }] },
    );
    const res = await call()({ method: 'GET', url: `/api/v1/sessions/${session.id}/suggestions` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.suggestions.length).toBeGreaterThan(1);
    expect(body.suggestions[0]).toMatchObject({
      exercise: { id: expect.any(String) },
      score: expect.any(Number),
      reasons: expect.any(Array),
      warnings: expect.any(Array),
    });
    expect(body.suggestions.map((s: { exercise: { slug: string } }) => s.exercise.slug)).not.toContain('calf-foam-roll');
    expect(body.excluded.find((e: { exercise: { slug: string } }) => e.exercise.slug === 'calf-foam-roll').reason).toMatch(/clots/);
    expect(body).toMatchObject({ active: 0, cap: 2 });
  });

  it('assigns two, refuses a third with 409 and a message the therapist can act on', async () => {
    const { client, session } = await clientWithSession({ complaints: ['headaches'], tools: ['tennis-ball'] });
    const assign = (exerciseId: string, extra = {}) =>
      call()({ method: 'POST', url: `/api/v1/sessions/${session.id}/homework`, payload: { exerciseId, ...extra } });
    const first = await assign('suboccipital-ball-release', {
      note: 'Lean into the left side a little longer',
      dose: { minutes: 3, timesPerDay: 1, daysPerWeek: 5, pressure: 3, perSide: true },
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      exercise: { name: expect.any(String) },
      dose: { minutes: 3 },
      note: 'Lean into the left side a little longer',
      status: 'active',
    });
    expect((await assign('chin-tucks')).statusCode).toBe(201);
    const third = await assign('levator-scapulae-stretch');
    expect(third.statusCode).toBe(409);
    expect(third.json().error).toMatchObject({ code: 'homework_cap' });
    expect(third.json().error.message).toMatch(/already has 2 active items.*Retire or progress one/);
    const list = await call()({ method: 'GET', url: `/api/v1/clients/${client.id}/homework` });
    expect(list.json().homework).toHaveLength(2);
  });

  it('holds the cap against two assigns at the same moment', async () => {
    const { client, session } = await clientWithSession({ complaints: ['neck-pain'] });
    await call()({ method: 'POST', url: `/api/v1/sessions/${session.id}/homework`, payload: { exerciseId: 'chin-tucks' } });
    const results = await Promise.all(
      ['levator-scapulae-stretch', 'slow-neck-turns'].map((exerciseId) =>
        call()({ method: 'POST', url: `/api/v1/sessions/${session.id}/homework`, payload: { exerciseId } }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const rows = await database()
      .db.selectFrom('homework')
      .select('id')
      .where('client_id', '=', client.id)
      .where('status', '=', 'active')
      .execute();
    expect(rows).toHaveLength(2);
  });

  it('refuses an excluded item naming the caution; the owner may override with a reason', async () => {
    const { session } = await clientWithSession({ complaints: ['tight-calves'], cautions: ['clot-history'] });
    const res = await call()({ method: 'POST', url: `/api/v1/sessions/${session.id}/homework`, payload: { exerciseId: 'calf-foam-roll' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/history of clots/);
    const over = await call()({
      method: 'POST',
      url: `/api/v1/sessions/${session.id}/homework`,
      payload: { exerciseId: 'calf-foam-roll', overrideReason: 'Cleared by their doctor in writing last week' },
    });
    expect(over.statusCode).toBe(201);
    expect(over.json().overrideReason).toMatch(/doctor/);
  });

  it('refuses an unknown item, a dose out of range, and a session of another practice', async () => {
    const { session } = await clientWithSession({ complaints: ['neck-pain'] });
    const unknown = await call()({
      method: 'POST',
      url: `/api/v1/sessions/${session.id}/homework`,
      payload: { exerciseId: 'no-such-item' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toHaveProperty('exerciseId');
    const dose = await call()({
      method: 'POST',
      url: `/api/v1/sessions/${session.id}/homework`,
      payload: { exerciseId: 'chin-tucks', dose: { reps: 500, daysPerWeek: 9 } },
    });
    expect(dose.statusCode).toBe(400);
    expect(Object.keys(dose.json().error.fields).sort()).toEqual(['dose.daysPerWeek', 'dose.reps']);
    const other = await signUp(app.http);
    const foreign = await as(
      app.http,
      other,
    )({ method: 'POST', url: `/api/v1/sessions/${session.id}/homework`, payload: { exerciseId: 'chin-tucks' } });
    expect(foreign.statusCode).toBe(404);
    expect((await as(app.http, other)({ method: 'GET', url: `/api/v1/sessions/${session.id}/suggestions` })).statusCode).toBe(404);
  });

  it('keeps, progresses and retires items; records "demonstrated" with the time and a photo from the room', async () => {
    const { client, session } = await clientWithSession({ complaints: ['neck-pain'] });
    const hw = (
      await call()({ method: 'POST', url: `/api/v1/sessions/${session.id}/homework`, payload: { exerciseId: 'chin-tucks' } })
    ).json();
    const shown = await call()({ method: 'PATCH', url: `/api/v1/homework/${hw.id}`, payload: { demonstrated: true } });
    expect(shown.json().demonstratedAt).toBe(app.clock.now().toISOString());
    const photo = await call()({ method: 'POST', url: `/api/v1/homework/${hw.id}/media`, payload: uploadForm(TINY_PNG) });
    expect(photo.statusCode).toBe(201);
    expect((await call()({ method: 'GET', url: photo.json().url })).statusCode).toBe(200);
    const next = await call()({
      method: 'POST',
      url: `/api/v1/homework/${hw.id}/progress`,
      payload: { exerciseId: 'chin-tuck-head-lift' },
    });
    expect(next.statusCode).toBe(201);
    const all = (await call()({ method: 'GET', url: `/api/v1/clients/${client.id}/homework?status=all` })).json().homework;
    expect(all.find((h: { id: string }) => h.id === hw.id)).toMatchObject({ status: 'progressed', progressedTo: next.json().id });
    expect((await call()({ method: 'DELETE', url: `/api/v1/homework/${next.json().id}` })).statusCode).toBe(200);
    expect((await call()({ method: 'GET', url: `/api/v1/clients/${client.id}/homework` })).json().homework).toHaveLength(0);
  });

  it('prints a handout PDF in the practice paper size with fonts embedded, names and steps readable', async () => {
    await call()({ method: 'PATCH', url: '/api/v1/practice', payload: { paperSize: 'a4' } });
    const { client, session } = await clientWithSession({
      complaints: ['headaches'],
      tools: ['tennis-ball'],
      goals: 'Get through a work week without a headache',
    });
    for (const exerciseId of ['suboccipital-ball-release', 'doorway-pec-stretch']) {
      await call()({ method: 'POST', url: `/api/v1/sessions/${session.id}/homework`, payload: { exerciseId } });
    }
    const res = await call()({ method: 'GET', url: `/api/v1/clients/${client.id}/handout.pdf` });
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = await readPdf(res.rawPayload);
    expect(pdf.size).toEqual({ width: 595, height: 842 });
    expect(pdf.embedsFonts).toBe(true);
    expect(pdf.text).toContain('Tennis ball release for the base of the skull');
    expect(pdf.text).toContain('Lie on your back on the floor with your knees bent.');
    expect(pdf.text).toContain('Get through a work week without a headache');
    expect(pdf.text).toMatch(/Questions\? Email/);
    await call()({ method: 'PATCH', url: '/api/v1/practice', payload: { paperSize: 'letter' } });
  });

  it('sends the homework by email over real SMTP: link, PDF attached, reply-to the therapist', async () => {
    const { client, session } = await clientWithSession({ complaints: ['rounded-shoulders'], lifestyle: ['desk-work'] });
    for (const exerciseId of ['doorway-pec-stretch', 'chin-tucks']) {
      expect((await call()({ method: 'POST', url: `/api/v1/sessions/${session.id}/homework`, payload: { exerciseId } })).statusCode).toBe(
        201,
      );
    }
    const sent = await call()({ method: 'POST', url: `/api/v1/sessions/${session.id}/send` });
    expect(sent.statusCode).toBe(202);
    const before = smtp.messages.length;
    await app.jobs.runDue();
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toBe(client.email);
    expect(mail.replyTo?.text).toBe(owner.email);
    expect(mail.text).toMatch(/http:\/\/carryover\.test\/c\/[\w-]{40,}/);
    expect(mail.html).toContain('Open my homework page');
    // The handout, and each item's drawing shown inside the mail.
    expect(mail.attachments.map((a) => a.contentType).sort()).toEqual(['application/pdf', 'image/png', 'image/png']);
    // After a one-click unsubscribe, nothing more is sent.
    const link = (await call()({ method: 'POST', url: `/api/v1/clients/${client.id}/link` })).json().url.split('/c/')[1];
    await app.http.inject({ method: 'POST', url: `/api/v1/portal/${link}/unsubscribe` });
    const refused = await call()({ method: 'POST', url: `/api/v1/sessions/${session.id}/send` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('unsubscribed');
    expect((await call()({ method: 'GET', url: `/api/v1/clients/${client.id}` })).json().unsubscribedAt).toEqual(expect.any(String));
    const pdf = await readPdf(mail.attachments.find((a) => a.contentType === 'application/pdf')!.content);
    for (const slug of ['doorway-pec-stretch', 'chin-tucks']) {
      const item = (await import('../library/library.js')).builtInLibrary().get(slug)!;
      expect(pdf.text).toContain(item.name);
      expect(pdf.text).toContain(item.steps[0]);
    }
  });
});
