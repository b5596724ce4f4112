import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { createClient, recordSession, TINY_PNG, uploadForm } from '../../../../tests/helpers/factories.js';
import { as, type Session, sessionFrom, signUp } from '../../../../tests/helpers/session.js';
import type { Db } from '../../db/index.js';

/** Every table, every row, as text: the deletion test looks for the client anywhere. */
async function everyRowAsText(db: Db, dialect: string) {
  const tables =
    dialect === 'sqlite'
      ? (
          await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)
        ).rows.map((r) => r.name)
      : (
          await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public'`.execute(db)
        ).rows.map((r) => r.name);
  const out: string[] = [];
  for (const table of tables) {
    const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db)).rows;
    for (const row of rows) out.push(`${table}: ${JSON.stringify(row)}`);
  }
  return { tables, out };
}

describeEachDatabase('clients, intake and sessions', (database, dialect) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let owner: Session;
  beforeAll(async () => {
    app = await buildTestApp({ database: database() });
    owner = await signUp(app.http, { practiceName: 'Client Practice' });
  });
  afterAll(() => app.http.close());
  const call = (s: Session) => as(app.http, s);

  it('creates a client with an intake, finds them by name, email and phone, and archives them', async () => {
    const res = await call(owner)({
      method: 'POST',
      url: '/api/v1/clients',
      payload: {
        firstName: 'Dana',
        lastName: 'Whitfield',
        email: 'Dana.W@example.com',
        phone: '+1 (555) 201-3344',
        timezone: 'America/Chicago',
        consentToEmail: true,
        intake: {
          complaints: ['headaches', 'neck-pain'],
          complaintNotes: 'Worse on Mondays',
          goals: 'Fewer headaches',
          lifestyle: ['desk-work'],
          tools: ['tennis-ball'],
          lacksTools: ['floor-space'],
          cautions: ['high-blood-pressure'],
          referralSource: 'search',
        },
      },
    });
    expect(res.statusCode).toBe(201);
    const dana = res.json();
    expect(dana).toMatchObject({
      email: 'dana.w@example.com',
      therapistId: owner.memberId,
      intake: { complaints: ['headaches', 'neck-pain'], lacksTools: ['floor-space'] },
    });
    for (const q of ['whit', 'dana.w@', '2013344', 'dana whit']) {
      const found = (await call(owner)({ method: 'GET', url: `/api/v1/clients?q=${encodeURIComponent(q)}` })).json();
      expect(
        found.clients.map((c: { id: string }) => c.id),
        q,
      ).toEqual([dana.id]);
    }
    const archived = await call(owner)({ method: 'PATCH', url: `/api/v1/clients/${dana.id}`, payload: { archived: true } });
    // A PATCH changes only what it names.
    expect(archived.json()).toMatchObject({
      archived: true,
      lastName: 'Whitfield',
      consentToEmail: true,
      intake: { complaints: ['headaches', 'neck-pain'] },
    });
    expect((await call(owner)({ method: 'GET', url: '/api/v1/clients?q=whit' })).json().total).toBe(0);
    expect((await call(owner)({ method: 'GET', url: '/api/v1/clients?q=whit&archived=true' })).json().total).toBe(1);
  });

  it('refuses unknown codes, a malformed email or phone, naming each field', async () => {
    const res = await call(owner)({
      method: 'POST',
      url: '/api/v1/clients',
      payload: {
        firstName: 'X',
        email: 'not-an-email',
        phone: 'call me',
        timezone: 'Mars/Base',
        intake: { complaints: ['broken-heart'], tools: ['jetpack'], cautions: ['vertigo', 'vertigo'] },
      },
    });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.fields).sort()).toEqual([
      'email',
      'intake.cautions',
      'intake.complaints.0',
      'intake.tools.0',
      'phone',
      'timezone',
    ]);
    const dup = await createClient(app.http, owner, { email: 'same@example.com' });
    expect(dup.id).toBeTruthy();
    const again = await call(owner)({ method: 'POST', url: '/api/v1/clients', payload: { firstName: 'Other', email: 'same@example.com' } });
    expect(again.statusCode).toBe(409);
  });

  it('records a session and shows it on the timeline; a nonsense date is refused', async () => {
    const client = await createClient(app.http, owner);
    const session = await call(owner)({
      method: 'POST',
      url: `/api/v1/clients/${client.id}/sessions`,
      payload: {
        date: '2026-03-01',
        focusComplaints: ['headaches'],
        areasWorked: [{ region: 'neck-back' }, { region: 'upper-traps', side: 'both' }],
        areasNeedingMoreTime: [{ region: 'neck-back', side: 'left' }],
        findings: [{ region: 'neck-side', side: 'right', muscle: 'levator scapulae', note: 'Trigger point, refers to the head' }],
        notes: 'Tender on the left',
      },
    });
    expect(session.statusCode).toBe(201);
    expect((await call(owner)({ method: 'GET', url: `/api/v1/sessions/${session.json().id}` })).json().findings[0].muscle).toBe(
      'levator scapulae',
    );
    const timeline = (await call(owner)({ method: 'GET', url: `/api/v1/clients/${client.id}/timeline` })).json().entries;
    expect(timeline.find((e: { kind: string }) => e.kind === 'session')).toMatchObject({
      at: '2026-03-01',
      detail: 'Needed more time: back of neck (left)',
    });

    for (const date of ['1900-01-01', '2031-01-01', '2026-02-30', 'yesterday']) {
      const bad = await call(owner)({ method: 'POST', url: `/api/v1/clients/${client.id}/sessions`, payload: { date } });
      expect(bad.statusCode, date).toBe(400);
      expect(bad.json().error.fields, date).toHaveProperty('date');
    }
    const badArea = await call(owner)({
      method: 'POST',
      url: `/api/v1/clients/${client.id}/sessions`,
      payload: { date: '2026-03-01', areasWorked: [{ region: 'elbow', side: 'middle' }] },
    });
    expect(Object.keys(badArea.json().error.fields).sort()).toEqual(['areasWorked.0.region', 'areasWorked.0.side']);
  });

  it('lets a therapist see only their own clients while the owner sees all', async () => {
    const invite = await call(owner)({ method: 'POST', url: '/api/v1/invitations', payload: { email: `t-${dialect}@example.com` } });
    expect(invite.statusCode).toBe(201);
    await app.jobs.runDue();
    const mail = await database()
      .db.selectFrom('emails')
      .select('text_body')
      .where('to_address', '=', `t-${dialect}@example.com`)
      .executeTakeFirstOrThrow();
    const token = /token=([\w-]+)/.exec(mail.text_body)?.[1];
    const therapist = sessionFrom(
      await app.http.inject({
        method: 'POST',
        url: '/api/v1/invitations/accept',
        payload: { token, name: 'T', password: 'therapist password' },
      }),
    );
    const mine = await createClient(app.http, therapist, { firstName: 'Theirs' });
    const ownerOnly = await createClient(app.http, owner, { firstName: 'Owners' });
    const list = (await call(therapist)({ method: 'GET', url: '/api/v1/clients?limit=200' })).json();
    expect(list.clients.map((c: { id: string }) => c.id)).toEqual([mine.id]);
    expect((await call(therapist)({ method: 'GET', url: `/api/v1/clients/${ownerOnly.id}` })).statusCode).toBe(404);
    expect((await call(owner)({ method: 'GET', url: `/api/v1/clients/${mine.id}` })).statusCode).toBe(200);
    expect((await call(therapist)({ method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(403);
  });

  it('sends an intake link that the client fills in once; the therapist is told', async () => {
    const client = await createClient(app.http, owner, { firstName: 'Sam', email: `sam-${dialect}@example.com`, intake: {} });
    const link = await call(owner)({ method: 'POST', url: `/api/v1/clients/${client.id}/intake-link`, payload: { send: true } });
    expect(link.statusCode).toBe(201);
    const token = link.json().url.split('/intake/')[1];
    const view = await app.http.inject({ method: 'GET', url: `/api/v1/intake/${token}` });
    expect(view.json()).toMatchObject({ practiceName: 'Client Practice', firstName: 'Sam' });
    const bad = await app.http.inject({ method: 'POST', url: `/api/v1/intake/${token}`, payload: { complaints: ['sore-everything'] } });
    expect(bad.statusCode).toBe(400);
    const sent = await app.http.inject({
      method: 'POST',
      url: `/api/v1/intake/${token}`,
      payload: {
        complaints: ['tight-calves'],
        lifestyle: ['runner'],
        tools: ['foam-roller'],
        cautions: ['clot-history'],
        goals: 'Run a 10k without calf cramps',
        consentToEmail: true,
      },
    });
    expect(sent.statusCode).toBe(200);
    expect((await app.http.inject({ method: 'POST', url: `/api/v1/intake/${token}`, payload: { complaints: [] } })).statusCode).toBe(404);
    expect((await app.http.inject({ method: 'GET', url: `/api/v1/intake/${token}` })).statusCode).toBe(404);
    const updated = (await call(owner)({ method: 'GET', url: `/api/v1/clients/${client.id}` })).json();
    expect(updated).toMatchObject({
      consentToEmail: true,
      intake: { complaints: ['tight-calves'], cautions: ['clot-history'] },
      intakeCompletedAt: expect.any(String),
    });
    const told = await database()
      .db.selectFrom('emails')
      .select(['to_address', 'text_body'])
      .where('to_address', '=', owner.email)
      .execute();
    expect(told.some((m) => m.text_body.includes('filled in their intake form') && !m.text_body.includes('clot'))).toBe(true);
  });

  it('exports one client as JSON and keeps an audit log the owner can read', async () => {
    const client = await createClient(app.http, owner, { firstName: 'Audited' });
    await recordSession(app.http, owner, client.id);
    const exported = await call(owner)({ method: 'GET', url: `/api/v1/clients/${client.id}/export` });
    expect(exported.json()).toMatchObject({ client: { id: client.id }, sessions: [{ clientId: client.id }] });
    const log = (await call(owner)({ method: 'GET', url: `/api/v1/audit?clientId=${client.id}` }))
      .json()
      .entries.map((e: { action: string }) => e.action);
    expect(log).toEqual(expect.arrayContaining(['created', 'recorded a session', 'exported']));
  });

  it('deletes a client and leaves no row of theirs in any table', async () => {
    const referrer = await createClient(app.http, owner, {
      firstName: 'Zelda',
      lastName: 'Quillfeather',
      email: `zelda-${dialect}@example.com`,
      phone: '+44 7700 900123',
    });
    const friend = await createClient(app.http, owner, { firstName: 'Friend', intake: { referredByClientId: referrer.id } });
    await recordSession(app.http, owner, referrer.id, { notes: 'Zelda prefers firm pressure' });
    await call(owner)({ method: 'POST', url: `/api/v1/clients/${referrer.id}/intake-link`, payload: { send: true } });
    await call(owner)({ method: 'GET', url: `/api/v1/clients/${referrer.id}` });
    // Everything else a client can have: homework with a check-in and a question, an appointment, a goal, a booking request.
    const session = await recordSession(app.http, owner, referrer.id, { date: '2026-03-01' });
    const hw = (
      await call(owner)({ method: 'POST', url: `/api/v1/sessions/${session.id}/homework`, payload: { exerciseId: 'chin-tucks' } })
    ).json();
    await call(owner)({ method: 'POST', url: `/api/v1/homework/${hw.id}/media`, payload: uploadForm(TINY_PNG) });
    const token = (await call(owner)({ method: 'POST', url: `/api/v1/clients/${referrer.id}/link` })).json().url.split('/c/')[1];
    await app.http.inject({
      method: 'POST',
      url: `/api/v1/portal/${token}/checkins`,
      payload: { homeworkId: hw.id, done: true, feeling: 'better' },
    });
    await app.http.inject({ method: 'POST', url: `/api/v1/portal/${token}/questions`, payload: { text: 'Zelda asks about the stretch' } });
    await app.http.inject({ method: 'PUT', url: `/api/v1/portal/${token}/reminders`, payload: { rhythm: 'daily' } });
    await app.http.inject({
      method: 'POST',
      url: `/api/v1/portal/${token}/booking-requests`,
      payload: { preferredTimes: ['2026-03-20T10:00:00Z'] },
    });
    await call(owner)({
      method: 'POST',
      url: `/api/v1/clients/${referrer.id}/appointments`,
      payload: { startsAt: '2026-03-20T10:00:00Z', confirmOverlap: true },
    });
    const goal = (
      await call(owner)({
        method: 'POST',
        url: `/api/v1/clients/${referrer.id}/goals`,
        payload: { statement: 'Zelda wants to garden again' },
      })
    ).json();
    await call(owner)({ method: 'POST', url: `/api/v1/goals/${goal.id}/progress`, payload: { value: 2 } });
    await call(owner)({ method: 'POST', url: `/api/v1/sessions/${session.id}/send` });
    await app.jobs.runDue();
    const before = await everyRowAsText(database().db, dialect);
    expect(before.out.filter((r) => r.includes(referrer.id)).length).toBeGreaterThan(12);

    expect((await call(owner)({ method: 'DELETE', url: `/api/v1/clients/${referrer.id}` })).statusCode).toBe(200);
    const after = await everyRowAsText(database().db, dialect);
    expect(after.tables.length).toBeGreaterThan(10);
    const leftovers = after.out.filter(
      (r) =>
        r.includes(referrer.id) || r.includes('Quillfeather') || r.includes(`zelda-${dialect}@example.com`) || r.includes('7700 900123'),
    );
    expect(leftovers).toEqual([]);
    expect((await call(owner)({ method: 'GET', url: `/api/v1/clients/${friend.id}` })).json().intake.referredByClientId).toBeNull();
    expect((await call(owner)({ method: 'GET', url: `/api/v1/clients/${referrer.id}` })).statusCode).toBe(404);
  });
});
