import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, testClock } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { clientWithHomework, createClient } from '../../../../tests/helpers/factories.js';
import { as, type Session, signUp } from '../../../../tests/helpers/session.js';

describeEachDatabase('email consent: words and behaviour match', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let owner: Session;
  // Monday 2 March 2026, 15:00 UTC (the practice's zone): tomorrow's reminder is due at 08:00.
  const clock = testClock('2026-03-02T15:00:00.000Z');
  beforeAll(async () => {
    app = await buildTestApp({ database: database(), clock });
    owner = await signUp(app.http);
  });
  afterAll(() => app.http.close());

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) =>
    as(app.http, owner)({ method, url, payload: payload as never });
  const status = async (clientId: string) => (await call('GET', `/api/v1/clients/${clientId}/email-status`)).json();
  const mailsTo = (clientId: string, subject: string) =>
    database()
      .db.selectFrom('emails')
      .select(['subject', 'created_at'])
      .where('client_id', '=', clientId)
      .where('subject', 'like', `${subject}%`)
      .execute();

  it('sends homework to the address given for it, but no reminders or come-back mail without agreement, and says why', async () => {
    const { client, session } = await clientWithHomework(app.http, owner, { client: { consentToEmail: false } });
    expect((await call('POST', `/api/v1/sessions/${session.id}/send`)).statusCode).toBe(202);
    expect(await status(client.id)).toEqual({
      consent: null,
      homework: { sends: true, reason: null },
      reminders: { sends: false, reason: 'They have not agreed to these emails.', rhythm: 'none', fromPracticeDefault: true },
      comeBack: { sends: false, reason: 'They have not agreed to these emails.' },
      notSent: null,
    });

    const refused = await call('PATCH', `/api/v1/clients/${client.id}`, { reminderRhythm: 'daily' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toHaveProperty('reminderRhythm');
    const created = await call('POST', '/api/v1/clients', { firstName: 'Ada', email: 'ada@example.com', reminderRhythm: 'weekly' });
    expect(created.statusCode).toBe(400);
    expect(created.json().error.fields).toHaveProperty('reminderRhythm');

    clock.set('2026-03-02T16:00:00.000Z');
    const agreed = await call('PATCH', `/api/v1/clients/${client.id}`, { consentToEmail: true, reminderRhythm: 'daily' });
    expect(agreed.statusCode).toBe(200);
    expect(agreed.json()).toMatchObject({
      consentToEmail: true,
      reminderRhythm: 'daily',
      remindersConsent: { at: '2026-03-02T16:00:00.000Z', via: 'therapist' },
    });
    expect((await status(client.id)).reminders).toEqual({ sends: true, reason: null, rhythm: 'daily', fromPracticeDefault: false });
    // Changing anything else keeps the agreement as it was, and the change.
    const renamed = await call('PATCH', `/api/v1/clients/${client.id}`, { firstName: 'Robyn', consentToEmail: true });
    expect(renamed.json()).toMatchObject({ firstName: 'Robyn', remindersConsent: { at: '2026-03-02T16:00:00.000Z', via: 'therapist' } });

    clock.set('2026-03-03T08:00:00.000Z');
    await app.jobs.runDue();
    expect(await mailsTo(client.id, 'A few minutes')).toHaveLength(1);

    // Agreement withdrawn: the next morning's reminder is not sent, and the record says why.
    await call('PATCH', `/api/v1/clients/${client.id}`, { consentToEmail: false });
    clock.set('2026-03-04T08:00:00.000Z');
    await app.jobs.runDue();
    expect(await mailsTo(client.id, 'A few minutes')).toHaveLength(1);
    const after = await status(client.id);
    expect(after.consent).toBeNull();
    expect(after.reminders).toMatchObject({ sends: false, reason: 'They have not agreed to these emails.' });
  });

  it('follows the practice default (off, or daily at local morning) only for clients who agreed', async () => {
    clock.set('2026-03-05T15:00:00.000Z');
    const bad = await call('PATCH', '/api/v1/practice', { reminderDefault: 'hourly' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('reminderDefault');
    expect((await call('GET', '/api/v1/practice')).json().reminderDefault).toBe('off');

    const agreed = await clientWithHomework(app.http, owner, { client: { consentToEmail: true } });
    expect((await status(agreed.client.id)).reminders).toMatchObject({
      sends: false,
      rhythm: 'none',
      fromPracticeDefault: true,
      reason: 'The practice’s default is no reminders, and no rhythm is set for them.',
    });
    const notAsked = await clientWithHomework(app.http, owner, { client: { consentToEmail: false } });

    expect((await call('PATCH', '/api/v1/practice', { reminderDefault: 'daily' })).json().reminderDefault).toBe('daily');
    expect((await status(agreed.client.id)).reminders).toEqual({ sends: true, reason: null, rhythm: 'daily', fromPracticeDefault: true });
    // A change on the client record books the reminder chain; the one without agreement gets none.
    await call('PATCH', `/api/v1/clients/${agreed.client.id}`, { consentToEmail: true });
    await call('PATCH', `/api/v1/clients/${notAsked.client.id}`, { phone: '555 0100' });
    clock.set('2026-03-06T08:00:00.000Z');
    await app.jobs.runDue();
    expect(await mailsTo(agreed.client.id, 'A few minutes')).toHaveLength(1);
    expect(await mailsTo(notAsked.client.id, 'A few minutes')).toHaveLength(0);
    await call('PATCH', '/api/v1/practice', { reminderDefault: 'off' });
  });

  it('records the client’s own agreement from their page and from the intake form, with when and how', async () => {
    clock.set('2026-03-07T10:00:00.000Z');
    const { client, token } = await clientWithHomework(app.http, owner, { client: { consentToEmail: false } });
    const chose = await app.http.inject({ method: 'PUT', url: `/api/v1/portal/${token}/reminders`, payload: { rhythm: 'weekly' } });
    expect(chose.statusCode).toBe(200);
    const seen = (await call('GET', `/api/v1/clients/${client.id}`)).json();
    expect(seen).toMatchObject({
      consentToEmail: true,
      reminderRhythm: 'weekly',
      remindersConsent: { at: '2026-03-07T10:00:00.000Z', via: 'client-page' },
    });

    const newcomer = await createClient(app.http, owner, { firstName: 'Noor', consentToEmail: false });
    const link = await call('POST', `/api/v1/clients/${newcomer.id}/intake-link`, { send: false });
    const formToken = (link.json().url as string).split('/intake/')[1];
    const sent = await app.http.inject({
      method: 'POST',
      url: `/api/v1/intake/${formToken}`,
      payload: { complaints: ['neck-pain'], consentToEmail: true },
    });
    expect(sent.statusCode).toBe(200);
    expect((await status(newcomer.id)).consent).toEqual({ at: '2026-03-07T10:00:00.000Z', via: 'intake' });
  });

  it('explains a client who stopped all email', async () => {
    const { client, token } = await clientWithHomework(app.http, owner, { client: { consentToEmail: true } });
    await app.http.inject({ method: 'POST', url: `/api/v1/portal/${token}/unsubscribe` });
    const s = await status(client.id);
    expect(s.homework).toEqual({ sends: false, reason: expect.stringMatching(/^They stopped all emails on \d{4}-\d{2}-\d{2}\.$/) });
    expect(s.reminders.sends).toBe(false);
    expect(s.comeBack.sends).toBe(false);
    const other = await signUp(app.http);
    expect((await as(app.http, other)({ method: 'GET', url: `/api/v1/clients/${client.id}/email-status` })).statusCode).toBe(404);
  });
});
