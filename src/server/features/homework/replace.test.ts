import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { createClient, recordSession } from '../../../../tests/helpers/factories.js';
import { as, type Session, signUp } from '../../../../tests/helpers/session.js';

// Replace: at the cap, one tap retires an item and gives another, in one transaction.
describeEachDatabase('homework: replace at the cap', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let owner: Session;
  let other: Session;
  beforeAll(async () => {
    app = await buildTestApp({ database: database() });
    owner = await signUp(app.http, { practiceName: 'Replace Practice', name: 'Therapist Tess' });
    other = await signUp(app.http, { practiceName: 'Other Practice', name: 'Therapist Ola' });
  });
  afterAll(async () => {
    await app.http.close();
  });

  /** A client with a session and two active items, the practice's cap. */
  async function clientAtCap(s: Session = owner) {
    const client = await createClient(app.http, s, { intake: { complaints: ['neck-pain'] } });
    const session = await recordSession(app.http, s, client.id);
    const items = [];
    for (const exerciseId of ['chin-tucks', 'levator-scapulae-stretch']) {
      const res = await assign(session.id, { exerciseId }, s);
      expect(res.statusCode).toBe(201);
      items.push(res.json() as { id: string; exerciseId: string });
    }
    return { client, session, items };
  }
  const assign = (sessionId: string, payload: Record<string, unknown>, s: Session = owner) =>
    as(app.http, s)({ method: 'POST', url: `/api/v1/sessions/${sessionId}/homework`, payload });
  const homeworkOf = (clientId: string) =>
    database().db.selectFrom('homework').select(['id', 'exercise_id', 'status', 'ended_at']).where('client_id', '=', clientId).execute();

  it('at the cap: 409 without replacesHomeworkId, 201 with it, the named item retired', async () => {
    const { client, session, items } = await clientAtCap();
    const refused = await assign(session.id, { exerciseId: 'slow-neck-turns' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('homework_cap');

    const replaced = await assign(session.id, { exerciseId: 'slow-neck-turns', replacesHomeworkId: items[0].id });
    expect(replaced.statusCode).toBe(201);
    expect(replaced.json()).toMatchObject({ status: 'active', clientId: client.id, sessionId: session.id });

    const rows = await homeworkOf(client.id);
    expect(
      rows
        .filter((r) => r.status === 'active')
        .map((r) => r.exercise_id)
        .sort(),
    ).toEqual([items[1].exerciseId, replaced.json().exerciseId].sort());
    expect(rows.find((r) => r.id === items[0].id)).toMatchObject({ status: 'retired', ended_at: expect.any(String) });
  });

  it('names the field when the item to replace is not this client’s active homework', async () => {
    const { session, items } = await clientAtCap();
    const another = await clientAtCap();
    const foreign = await clientAtCap(other);

    const notTheirs = await assign(session.id, { exerciseId: 'slow-neck-turns', replacesHomeworkId: another.items[0].id });
    expect(notTheirs.statusCode).toBe(400);
    expect(notTheirs.json().error.fields).toHaveProperty('replacesHomeworkId');

    const otherPractice = await assign(session.id, { exerciseId: 'slow-neck-turns', replacesHomeworkId: foreign.items[0].id });
    expect(otherPractice.statusCode).toBe(404);
    const unknown = await assign(session.id, { exerciseId: 'slow-neck-turns', replacesHomeworkId: crypto.randomUUID() });
    expect(unknown.statusCode).toBe(404);
    const malformed = await assign(session.id, { exerciseId: 'slow-neck-turns', replacesHomeworkId: 'first one' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.fields).toHaveProperty('replacesHomeworkId');

    const retire = await as(app.http, owner)({ method: 'DELETE', url: `/api/v1/homework/${items[0].id}` });
    expect(retire.statusCode).toBe(200);
    const ended = await assign(session.id, { exerciseId: 'slow-neck-turns', replacesHomeworkId: items[0].id });
    expect(ended.statusCode).toBe(400);
    expect(ended.json().error.fields.replacesHomeworkId).toMatch(/no longer active/i);
    // The refused requests left the other client's items alone.
    expect((await homeworkOf(another.client.id)).filter((r) => r.status === 'active')).toHaveLength(2);
  });

  it('two Replace requests at the same moment leave exactly the cap active', async () => {
    const { client, session, items } = await clientAtCap();
    const both = await Promise.all([
      assign(session.id, { exerciseId: 'slow-neck-turns', replacesHomeworkId: items[0].id }),
      assign(session.id, { exerciseId: 'doorway-pec-stretch', replacesHomeworkId: items[1].id }),
    ]);
    expect(both.map((r) => r.statusCode)).toEqual([201, 201]);
    const active = (await homeworkOf(client.id)).filter((r) => r.status === 'active');
    expect(active.map((r) => r.exercise_id).sort()).toEqual(both.map((r) => r.json().exerciseId).sort());
  });

  it('two Replace requests for the same item: one wins, the other is told, still the cap', async () => {
    const { client, session, items } = await clientAtCap();
    const both = await Promise.all([
      assign(session.id, { exerciseId: 'slow-neck-turns', replacesHomeworkId: items[0].id }),
      assign(session.id, { exerciseId: 'doorway-pec-stretch', replacesHomeworkId: items[0].id }),
    ]);
    // The loser learns either before its transaction (400: no longer active) or inside it (409).
    const codes = both.map((r) => r.statusCode).sort();
    expect(codes[0]).toBe(201);
    expect([400, 409]).toContain(codes[1]);
    const active = (await homeworkOf(client.id)).filter((r) => r.status === 'active');
    expect(active).toHaveLength(2);
    expect(active.map((r) => r.exercise_id)).toContain(items[1].exerciseId);
  });
});
