import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { buildTestApp } from '../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../tests/helpers/databases.js';
import { clientWithHomework, createCustomItem } from '../../../tests/helpers/factories.js';
import { as, type Session, signUp } from '../../../tests/helpers/session.js';
import { reportStoredProblemsTo } from './stored.js';

// A stored document that fails its check (decision 027): a list leaves that one row out or reads a
// fallback, logs which row (never what it holds), and answers 200 rather than failing as a whole.
describeEachDatabase('A stored document that does not fit its shape', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let owner: Session;
  const warnings: Record<string, unknown>[] = [];
  beforeAll(async () => {
    app = await buildTestApp({ database: database() });
    owner = await signUp(app.http);
  });
  beforeEach(() => {
    warnings.length = 0;
    reportStoredProblemsTo({ warn: (entry) => void warnings.push(entry as Record<string, unknown>) });
  });
  afterAll(() => app.http.close());

  it('leaves a homework item whose copy does not read off the lists and the client page; a bad dose reads as its days a week', async () => {
    const call = as(app.http, owner);
    const { client, homework, session, token } = await clientWithHomework(app.http, owner);
    const [broken, kept] = homework as { id: string }[];
    const { db } = database();
    await db
      .updateTable('homework')
      .set({ exercise: '{"name":"Secret note about a caution","steps":"not a list"}' })
      .where('id', '=', broken.id)
      .execute();
    await db.updateTable('homework').set({ dose: 'not json', days_per_week: 4 }).where('id', '=', kept.id).execute();

    const list = await call({ method: 'GET', url: `/api/v1/clients/${client.id}/homework` });
    expect(list.statusCode, list.body).toBe(200);
    const items = list.json().homework;
    expect(items.map((h: { id: string }) => h.id)).toEqual([kept.id]);
    expect(items[0].dose).toEqual({ daysPerWeek: 4 });

    const page = await app.http.inject({ method: 'GET', url: `/api/v1/portal/${token}` });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().items.map((i: { homeworkId: string }) => i.homeworkId)).toEqual([kept.id]);
    expect((await app.http.inject({ method: 'GET', url: `/c/${token}` })).statusCode).toBe(200);
    expect((await call({ method: 'GET', url: `/api/v1/clients/${client.id}/timeline` })).statusCode).toBe(200);
    const soap = await call({ method: 'GET', url: `/api/v1/sessions/${session.id}/soap` });
    expect(soap.statusCode, soap.body).toBe(200);
    expect(soap.body).not.toContain('Secret note');

    expect(warnings).toContainEqual(expect.objectContaining({ what: 'homework item', id: broken.id }));
    expect(warnings).toContainEqual(expect.objectContaining({ what: 'dose', id: kept.id }));
    expect(JSON.stringify(warnings)).not.toContain('Secret note');
  });

  it('reads a session whose marked areas do not read as having none', async () => {
    const call = as(app.http, owner);
    const { client, session } = await clientWithHomework(app.http, owner);
    await database()
      .db.updateTable('session_records')
      .set({ areas_more_time: '[{"region":"elbow-of-doom"}]', findings: '{' })
      .where('id', '=', session.id)
      .execute();
    const read = await call({ method: 'GET', url: `/api/v1/sessions/${session.id}` });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ areasWorked: [{ region: 'neck-back' }], areasNeedingMoreTime: [], findings: [] });
    expect((await call({ method: 'GET', url: `/api/v1/clients/${client.id}/timeline` })).statusCode).toBe(200);
    expect(warnings.map((w) => w.what)).toEqual(expect.arrayContaining(['session areas needing more time', 'session findings']));
  });

  it('leaves a custom item that does not read out of the library, and a pack whose list does not read is empty', async () => {
    const call = as(app.http, owner);
    const item = await createCustomItem(app.http, owner, { name: 'Wall angel slides' });
    const pack = await call({ method: 'POST', url: '/api/v1/packs', payload: { name: 'Desk pack', exerciseIds: ['chin-tucks'] } });
    expect(pack.statusCode, pack.body).toBe(201);
    const { db } = database();
    await db.updateTable('custom_exercises').set({ content: '{"name":"Wall angel slides"}' }).where('id', '=', item.id).execute();
    await db.updateTable('packs').set({ exercise_ids: '"chin-tucks"' }).where('id', '=', pack.json().id).execute();

    const library = await call({ method: 'GET', url: '/api/v1/exercises' });
    expect(library.statusCode, library.body).toBe(200);
    expect(library.json().total).toBeGreaterThan(20);
    const search = await call({ method: 'GET', url: '/api/v1/exercises?q=wall%20angel' });
    expect(search.statusCode, search.body).toBe(200);
    expect(search.json().exercises.map((e: { id: string }) => e.id)).not.toContain(item.id);
    expect((await call({ method: 'GET', url: `/api/v1/exercises/${item.id}` })).statusCode).toBe(404);

    const packs = await call({ method: 'GET', url: '/api/v1/packs' });
    expect(packs.statusCode, packs.body).toBe(200);
    const mine = packs.json().packs.find((p: { id: string }) => p.id === pack.json().id);
    expect(mine.exerciseIds).toEqual([]);
    expect(warnings).toContainEqual(expect.objectContaining({ what: 'custom item', id: item.id }));
    expect(warnings).toContainEqual(expect.objectContaining({ what: 'pack items', id: pack.json().id }));
  });
});
