import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, testClock } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { createClient } from '../../../../tests/helpers/factories.js';
import { readIcs } from '../../../../tests/helpers/ics.js';
import { as, signUp } from '../../../../tests/helpers/session.js';
import { startSmtp, type TestSmtp } from '../../../../tests/helpers/smtp.js';
import { smtpTransport } from '../../email/transport.js';
import { calendarFile } from './ics.js';

const PRACTICE = 'Rest; Repair, "Co"';
const appointment = {
  id: 'a1',
  starts_at: '2027-01-04T10:00:00.000Z',
  ends_at: '2027-01-04T11:00:00.000Z',
  timezone: 'Europe/London',
  status: 'booked' as const,
  sequence: 0,
  updated_at: '2027-01-01T00:00:00.000Z',
};

describe('calendarFile', () => {
  it('keeps a name with ; , " and a line break as one value in every field', () => {
    const name = 'Rest; Repair, "Co"\nUpstairs';
    const ics = readIcs(
      calendarFile([{ appointment, summary: `Massage at ${name}`, location: name, organizer: { name, email: 'desk@rest.test' } }], {
        name,
        timezone: 'Europe/London',
      }),
    );
    expect(ics.name).toBe(name);
    expect(ics.events).toHaveLength(1);
    expect(ics.events[0]).toMatchObject({ summary: `Massage at ${name}`, location: name, localStart: '2027-01-04T10:00' });
    // A parameter cannot hold a double quote or a line break: the name stays readable, on one line.
    expect(ics.events[0].organizerName).toBe("Rest; Repair, 'Co' Upstairs");
  });
});

describeEachDatabase('a practice name with ; , and quotes in calendar files', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startSmtp();
    app = await buildTestApp({ database: database(), clock: testClock('2026-03-02T15:00:00.000Z'), transport: smtpTransport(smtp.url) });
  });
  afterAll(async () => {
    await app.http.close();
    await smtp.close();
  });

  it('reads back whole through the calendar feed and the invite', async () => {
    const owner = await signUp(app.http, { practiceName: PRACTICE, name: 'Sam "Hands" Lee' });
    const client = await createClient(app.http, owner, { firstName: 'Ines' });
    const booked = await as(
      app.http,
      owner,
    )({
      method: 'POST',
      url: `/api/v1/clients/${client.id}/appointments`,
      payload: { startsAt: '2026-03-04T10:00:00Z', durationMinutes: 60 },
    });
    expect(booked.statusCode).toBe(201);

    const feed = await as(app.http, owner)({ method: 'POST', url: '/api/v1/calendar-feed' });
    const res = await app.http.inject({ method: 'GET', url: new URL(feed.json().url).pathname });
    expect(res.statusCode).toBe(200);
    const fromFeed = readIcs(res.body);
    expect(fromFeed.name).toContain(PRACTICE);
    expect(fromFeed.events.map((e) => e.uid)).toContain(`${booked.json().id}@carryover`);

    await app.jobs.runDue();
    await smtp.waitFor(1);
    const invite = smtp.messages.find((m) => m.to && 'text' in m.to && m.to.text === client.email);
    const file = invite?.attachments.find((a) => a.filename?.endsWith('.ics'));
    const fromInvite = readIcs(file?.content.toString('utf8') ?? '');
    expect(fromInvite.name).toBe(PRACTICE);
    expect(fromInvite.events).toHaveLength(1);
    expect(fromInvite.events[0].organizerName).toBe("Sam 'Hands' Lee");
    expect(`${fromInvite.events[0].summary} ${fromInvite.events[0].location ?? ''}`).toContain(PRACTICE);
  });
});
