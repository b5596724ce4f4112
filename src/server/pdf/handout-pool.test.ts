import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp } from '../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../tests/helpers/databases.js';
import { clientWithHomework } from '../../../tests/helpers/factories.js';
import { readPdf } from '../../../tests/helpers/pdf.js';
import { as, type Session, signUp } from '../../../tests/helpers/session.js';
import { clientCopyOf } from '../../shared/client-copy.js';
import { qrPng } from '../features/clients/client-link.js';
import { builtInLibrary } from '../features/library/library.js';
import { type Handout, renderHandout } from './handout.js';
import { handoutWorkerStats, renderHandoutOffThread } from './handout-pool.js';

it('a handout laid out on a worker thread reads exactly as one laid out here', async () => {
  const items = ['suboccipital-ball-release', 'calf-foam-roll'].map((slug) => builtInLibrary().get(slug)!);
  const handout: Handout = {
    practiceName: 'Harbour Massage',
    therapistName: 'The therapist',
    questionsEmail: 'desk@example.com',
    clientFirstName: 'Zoë',
    date: 'Friday 27 November 2026',
    items: items.map((exercise) => ({ exercise, dose: exercise.dose, note: 'Go slow.', copy: clientCopyOf(exercise, ['vertigo']) })),
    goals: 'Get through a work week without a headache',
    nextAppointment: 'Tuesday 8 December 2026 at 10:00',
    clientUrl: 'http://127.0.0.1/c/abc',
    qrPng: await qrPng('http://127.0.0.1/c/abc'),
    paperSize: 'a4',
  };
  const here = await readPdf(await renderHandout(handout));
  const there = await readPdf(await renderHandoutOffThread(handout));
  expect(there.text).toContain('Your homework, Zoë');
  expect(there).toEqual(here);
});

describeEachDatabase('a fresh handout renders while the server keeps answering', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let owner: Session;
  beforeAll(async () => {
    app = await buildTestApp({ database: database() });
    owner = await signUp(app.http, { practiceName: 'Harbour Massage', name: 'Owner' });
  });
  afterAll(async () => {
    await app.http.close();
  });

  it('answers other requests while a fresh handout is being laid out, then sends the handout', async () => {
    const { client } = await clientWithHomework(app.http, owner);
    const call = as(app.http, owner);
    const before = handoutWorkerStats().completed;
    const pending = call({ method: 'GET', url: `/api/v1/clients/${client.id}/handout.pdf` });
    // Until the handout reaches the workers (after its database reads).
    for (let turns = 0; handoutWorkerStats().rendering === 0; turns++) {
      if (turns > 10_000) throw new Error('the fresh handout never reached the workers');
      await new Promise((resolve) => setImmediate(resolve));
    }
    const me = await call({ method: 'GET', url: '/api/v1/me' });
    expect(me.statusCode).toBe(200);
    expect(handoutWorkerStats().rendering, 'the handout was still being laid out when the other request was answered').toBe(1);

    const res = await pending;
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    expect((await readPdf(res.rawPayload)).text).toContain('Your homework');
    const after = handoutWorkerStats();
    expect(after.threads).toBeGreaterThan(0);
    expect(after.completed - before, 'laid out by a worker thread, not this one').toBe(1);
  });
});
