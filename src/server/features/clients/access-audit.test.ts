import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { clientWithHomework, createClient, recordSession, TINY_PNG, uploadForm } from '../../../../tests/helpers/factories.js';
import { as, type Session, signUp } from '../../../../tests/helpers/session.js';

type Entry = { actor: string; action: string; clientId: string | null; at: string };

describeEachDatabase('who read a client record', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let owner: Session;
  beforeAll(async () => {
    app = await buildTestApp({ database: database() });
    owner = await signUp(app.http, { practiceName: 'Audit Practice' });
  });
  afterAll(() => app.http.close());
  const call = (opts: Parameters<ReturnType<typeof as>>[0]) => as(app.http, owner)(opts);
  const log = async (clientId?: string): Promise<Entry[]> => {
    const res = await call({ method: 'GET', url: `/api/v1/audit?limit=500${clientId ? `&clientId=${clientId}` : ''}` });
    expect(res.statusCode).toBe(200);
    return res.json().entries;
  };
  const actions = async (clientId: string) => (await log(clientId)).map((e) => e.action);

  it('logs reading session notes, photos, the handout, goals and questions, but not the client reading their own page', async () => {
    const { client, session, homework, token } = await clientWithHomework(app.http, owner);
    const media = (await call({ method: 'POST', url: `/api/v1/homework/${homework[0].id}/media`, payload: uploadForm(TINY_PNG) })).json();
    await call({ method: 'POST', url: `/api/v1/clients/${client.id}/goals`, payload: { statement: 'Carry the groceries again' } });
    const askedText = 'Does the neck stretch hurt less after a week?';
    await app.http.inject({ method: 'POST', url: `/api/v1/portal/${token}/questions`, payload: { text: askedText } });
    const before = (await actions(client.id)).length;

    for (const url of [
      `/api/v1/clients/${client.id}/sessions`,
      `/api/v1/sessions/${session.id}`,
      `/api/v1/homework-media/${media.id}`,
      `/api/v1/clients/${client.id}/handout.pdf`,
      `/api/v1/clients/${client.id}/goals`,
      `/api/v1/questions?status=all&clientId=${client.id}`,
    ])
      expect((await call({ method: 'GET', url })).statusCode, url).toBe(200);
    const after = await actions(client.id);
    expect(after.length - before).toBe(6);
    expect(after).toEqual(
      expect.arrayContaining([
        'read session notes',
        'read a session note',
        'viewed a photo',
        'opened the handout',
        'read goals',
        'read questions',
      ]),
    );
    // What was read never lands in the log.
    expect(JSON.stringify(await log())).not.toContain(askedText);

    // The client opening their own page is not an access by the practice.
    expect((await app.http.inject({ method: 'GET', url: `/c/${token}` })).statusCode).toBe(200);
    expect((await app.http.inject({ method: 'GET', url: `/api/v1/portal/${token}` })).statusCode).toBe(200);
    expect((await actions(client.id)).length).toBe(after.length);
  });

  it('names the API key that read or changed a record', async () => {
    const created = await call({ method: 'POST', url: '/api/v1/api-keys', payload: { name: 'Front desk sync' } });
    expect(created.statusCode).toBe(201);
    const { key, prefix } = created.json();
    const client = await createClient(app.http, owner);
    const bearer = { authorization: `Bearer ${key}` };
    expect((await app.http.inject({ method: 'GET', url: `/api/v1/clients/${client.id}`, headers: bearer })).statusCode).toBe(200);
    const byKey = (await log(client.id)).filter((e) => e.actor.startsWith('API key'));
    expect(byKey.map((e) => e.action)).toEqual(['viewed']);
    for (const e of byKey) expect(e.actor).toBe(`API key "Front desk sync" (${prefix}…)`);
    expect(JSON.stringify(byKey)).not.toContain(key);
  });

  it('keeps who accessed a deleted client, without linking to them or their health', async () => {
    const client = await createClient(app.http, owner, { firstName: 'Marigold', lastName: 'Ashgrove' });
    await recordSession(app.http, owner, client.id, { notes: 'Marigold has a sore left shoulder' });
    await call({ method: 'GET', url: `/api/v1/clients/${client.id}` });
    const logged = (await log(client.id)).length;
    expect(logged).toBeGreaterThanOrEqual(3);

    expect((await call({ method: 'DELETE', url: `/api/v1/clients/${client.id}` })).statusCode).toBe(200);
    expect(await log(client.id)).toEqual([]);
    const kept = (await log()).filter((e) => e.action.endsWith('(a client since deleted)'));
    expect(kept.map((e) => e.action)).toEqual(
      expect.arrayContaining(['viewed (a client since deleted)', 'recorded a session (a client since deleted)']),
    );
    expect(kept.length).toBeGreaterThanOrEqual(logged);
    for (const e of kept) expect(e.clientId).toBeNull();
    const text = JSON.stringify(await log());
    for (const word of [client.id, 'Marigold', 'Ashgrove', 'shoulder']) expect(text).not.toContain(word);
  });
});
