import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, testClock } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { clientWithHomework } from '../../../../tests/helpers/factories.js';
import { type Session, signUp } from '../../../../tests/helpers/session.js';
import { openDatabase } from '../../db/index.js';
import { nextReminderDay } from './reminders.js';

it('twice a week means Mondays and Thursdays', () => {
  expect(nextReminderDay('twice-a-week', '2026-03-02')).toBe('2026-03-05');
  expect(nextReminderDay('twice-a-week', '2026-03-05')).toBe('2026-03-09');
  expect(nextReminderDay('every-other-day', '2026-02-28')).toBe('2026-03-02');
});

describeEachDatabase('reminders', (database, dialect) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let owner: Session;
  // Friday 6 March 2026, 20:00 in New York; clocks go forward on Sunday 8 March.
  const clock = testClock('2026-03-07T01:00:00.000Z');
  beforeAll(async () => {
    app = await buildTestApp({ database: database(), clock });
    owner = await signUp(app.http);
  });
  afterAll(() => app.http.close());

  const reminders = (clientId: string) =>
    database()
      .db.selectFrom('emails')
      .select(['created_at', 'subject', 'headers_json'])
      .where('client_id', '=', clientId)
      .where('subject', 'like', 'A few minutes%')
      .orderBy('created_at')
      .execute();

  it('go out at 8:00 local across the daylight-saving change, never at night, none after unsubscribe', async () => {
    const { token, client } = await clientWithHomework(app.http, owner, { client: { timezone: 'America/New_York', consentToEmail: true } });
    await app.http.inject({ method: 'PUT', url: `/api/v1/portal/${token}/reminders`, payload: { rhythm: 'daily' } });
    await app.jobs.runDue();
    expect(await reminders(client.id)).toHaveLength(0);

    for (const due of ['2026-03-07T13:00:00.000Z', '2026-03-08T12:00:00.000Z', '2026-03-09T12:00:00.000Z']) {
      clock.set(new Date(new Date(due).getTime() - 60_000).toISOString());
      await app.jobs.runDue();
      clock.set(due);
      await app.jobs.runDue();
    }
    const sent = await reminders(client.id);
    expect(sent.map((m) => m.created_at)).toEqual(['2026-03-07T13:00:00.000Z', '2026-03-08T12:00:00.000Z', '2026-03-09T12:00:00.000Z']);
    expect(JSON.parse(sent[0].headers_json!)).toMatchObject({
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'List-Unsubscribe': expect.stringMatching(/^<http.*\/unsubscribe>$/),
    });

    // The server was down overnight: at 23:30 local the due reminder is not sent, the next morning's is.
    clock.set('2026-03-11T03:30:00.000Z');
    await app.jobs.runDue();
    expect(await reminders(client.id)).toHaveLength(3);
    clock.set('2026-03-11T12:00:00.000Z');
    await app.jobs.runDue();
    expect(await reminders(client.id)).toHaveLength(4);

    const unsubscribe = JSON.parse(sent[0].headers_json!)['List-Unsubscribe'].slice(1, -1).replace('http://carryover.test', '');
    expect(
      (
        await app.http.inject({
          method: 'POST',
          url: unsubscribe,
          payload: 'List-Unsubscribe=One-Click',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        })
      ).statusCode,
    ).toBe(200);
    for (const day of ['2026-03-12', '2026-03-13', '2026-03-14']) {
      clock.set(`${day}T12:00:00.000Z`);
      await app.jobs.runDue();
    }
    expect(await reminders(client.id)).toHaveLength(4);
  });

  it('are sent once a day even with two app instances running the jobs', async () => {
    clock.set('2026-04-01T01:00:00.000Z');
    const { token, client } = await clientWithHomework(app.http, owner, { client: { timezone: 'Europe/London' } });
    const second = dialect === 'postgres' ? await openDatabase({ url: database().url, dataDir: '' }) : database();
    const other = await buildTestApp({ database: second, clock });
    await Promise.all([
      app.http.inject({ method: 'PUT', url: `/api/v1/portal/${token}/reminders`, payload: { rhythm: 'daily' } }),
      other.http.inject({ method: 'PUT', url: `/api/v1/portal/${token}/reminders`, payload: { rhythm: 'daily' } }),
    ]);
    for (const day of ['2026-04-01', '2026-04-02', '2026-04-03']) {
      clock.set(`${day}T07:00:00.000Z`);
      await Promise.all([app.jobs.runDue(), other.jobs.runDue()]);
    }
    const sent = await reminders(client.id);
    expect(sent.map((m) => m.created_at.slice(0, 10))).toEqual(['2026-04-01', '2026-04-02', '2026-04-03']);
    await other.http.close();
    if (dialect === 'postgres') await second.close();
  });
});
