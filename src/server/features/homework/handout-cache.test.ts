import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { clientWithHomework } from '../../../../tests/helpers/factories.js';
import { readPdf } from '../../../../tests/helpers/pdf.js';
import { as, type Session, signUp } from '../../../../tests/helpers/session.js';
import { clientCopyOf } from '../../../shared/client-copy.js';
import { describeDose } from '../../../shared/dose.js';
import { builtInLibrary } from '../library/library.js';
import { type HandoutContent, inputsHash } from './handout-cache.js';

describeEachDatabase('the handout is rendered once per version of what it shows', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let owner: Session;
  beforeAll(async () => {
    app = await buildTestApp({ database: database() });
    owner = await signUp(app.http, { practiceName: 'Harbour Massage', name: 'Owner' });
  });
  afterAll(async () => {
    await app.http.close();
  });
  const call = () => as(app.http, owner);
  const handout = (clientId: string, etag?: string) =>
    call()({ method: 'GET', url: `/api/v1/clients/${clientId}/handout.pdf`, headers: etag ? { 'if-none-match': etag } : {} });
  const linksOf = async (clientId: string) =>
    (await database().db.selectFrom('client_links').select('token_hash').where('client_id', '=', clientId).execute()).length;

  it('sends an unchanged handout again, on the same link, and answers 304 to a browser that has it', async () => {
    const { client } = await clientWithHomework(app.http, owner);
    const first = await handout(client.id);
    expect(first.statusCode).toBe(200);
    const links = await linksOf(client.id);

    const again = await handout(client.id);
    expect(again.statusCode).toBe(200);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(await linksOf(client.id), 'no new link for the same handout').toBe(links);

    const cached = await handout(client.id, first.headers.etag as string);
    expect(cached.statusCode).toBe(304);
    expect(cached.rawPayload.length).toBe(0);
  });

  it('makes a new handout when a dose changes, and it shows the new dose', async () => {
    const { client, homework } = await clientWithHomework(app.http, owner);
    const first = await handout(client.id);
    const dose = { sets: 1, reps: 7, daysPerWeek: 3 };
    const patched = await call()({ method: 'PATCH', url: `/api/v1/homework/${homework[0].id}`, payload: { dose } });
    expect(patched.statusCode, patched.body).toBe(200);

    const second = await handout(client.id);
    expect(second.statusCode).toBe(200);
    expect(second.headers.etag).not.toBe(first.headers.etag);
    const text = (await readPdf(second.rawPayload)).text.replace(/\s+/g, ' ');
    const { what, when } = describeDose(dose);
    expect(text).toContain(what);
    expect(text).toContain(when);
  });

  it('never sends a handout whose printed link was revoked: the next one carries a new, working link', async () => {
    const { client } = await clientWithHomework(app.http, owner);
    const first = await handout(client.id);
    const revoked = await call()({ method: 'POST', url: `/api/v1/clients/${client.id}/link/revoke` });
    expect(revoked.statusCode, revoked.body).toBeLessThan(300);

    const links = await linksOf(client.id);
    const second = await handout(client.id);
    expect(second.statusCode).toBe(200);
    expect(second.headers.etag).not.toBe(first.headers.etag);
    expect(await linksOf(client.id), 'a new link for the new handout').toBe(links + 1);
    const kept = await database()
      .db.selectFrom('handout_files as h')
      .innerJoin('client_links as l', 'l.token_hash', 'h.link_hash')
      .select('l.revoked_at')
      .where('h.client_id', '=', client.id)
      .executeTakeFirstOrThrow();
    expect(kept.revoked_at, 'the printed link works').toBeNull();
  });

  it('keeps no handout of a deleted client', async () => {
    const { client } = await clientWithHomework(app.http, owner);
    await handout(client.id);
    const removed = await call()({ method: 'DELETE', url: `/api/v1/clients/${client.id}` });
    expect(removed.statusCode, removed.body).toBeLessThan(300);
    const left = await database().db.selectFrom('handout_files').select('client_id').where('client_id', '=', client.id).execute();
    expect(left).toEqual([]);
  });
});

describe('what a handout is made from', () => {
  const calf = { ...builtInLibrary().get('calf-ball-release')!, id: 'calf-ball-release' };
  const content = (exercise: typeof calf): HandoutContent => ({
    practiceName: 'Harbour Massage',
    therapistName: 'The therapist',
    questionsEmail: null,
    clientFirstName: 'Sam',
    date: 'Thursday 3 December 2026',
    items: [{ exercise: exercise as never, dose: exercise.dose, note: null, copy: clientCopyOf(exercise, []) }],
    goals: null,
    nextAppointment: null,
    paperSize: 'letter',
  });

  it('changes with the drawing, the date and the next visit, and only with what the client would see', () => {
    const base = inputsHash(content(calf));
    expect(inputsHash(content(calf))).toBe(base);
    const facing = calf.drawing?.facing === 'left' ? 'right' : 'left';
    const otherPose = { ...calf, drawing: { ...calf.drawing!, facing } } as typeof calf;
    expect(inputsHash(content(otherPose))).not.toBe(base);
    expect(inputsHash({ ...content(calf), date: 'Friday 4 December 2026' })).not.toBe(base);
    expect(inputsHash({ ...content(calf), nextAppointment: 'Wednesday 16 December, 10:00' })).not.toBe(base);
  });
});
