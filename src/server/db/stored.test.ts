import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../tests/helpers/databases.js';
import { createClient, recordSession } from '../../../tests/helpers/factories.js';
import { as, type Session, signUp } from '../../../tests/helpers/session.js';
import { itemNameOf, readDose, readExerciseSnapshot, readIntake, readMailHeaders, readOr, StoredDocumentError } from './stored.js';

const EMPTY = { complaints: [], lifestyle: [], tools: [], lacksTools: [], cautions: [] };

describe('readIntake', () => {
  it('reads a missing, empty or {} intake as an empty intake with every list', () => {
    for (const stored of [null, undefined, '', '{}', 'null']) expect(readIntake(stored), String(stored)).toEqual(EMPTY);
  });

  it('keeps what was stored, fills in missing lists, and drops keys an older version wrote', () => {
    expect(readIntake('{"complaints":["headaches"],"retired":1}')).toEqual({ ...EMPTY, complaints: ['headaches'] });
  });

  it('refuses a document that is not an intake, naming it', () => {
    expect(() => readIntake('{"complaints":"headaches"}')).toThrow(/intake.*complaints/);
    expect(() => readIntake('not json')).toThrow(/intake/);
  });
});

describe('the other readers', () => {
  it('read a dose, dropping keys an older version wrote, and refuse one without its days a week', () => {
    expect(readDose('{"reps":5,"daysPerWeek":3,"legacy":true}')).toEqual({ reps: 5, daysPerWeek: 3 });
    expect(() => readDose('{"reps":5}')).toThrow(StoredDocumentError);
    expect(() => readDose(null)).toThrow(/dose is missing/);
  });

  it('read an item as given without its drawing fields, and name the paths (never the values) that do not fit', () => {
    expect(() => readExerciseSnapshot('{"name":"Private words","steps":"one"}')).toThrow(/homework item.*steps/);
    try {
      readExerciseSnapshot('{"name":"Private words","steps":"one"}');
    } catch (err) {
      expect(String(err)).not.toContain('Private words');
    }
  });

  it('fall back where the caller chose to', () => {
    expect(itemNameOf('{"name":"Calf roll"}')).toBe('Calf roll');
    expect(itemNameOf('{"steps":[]}')).toBe('an item');
    expect(itemNameOf('not json')).toBe('an item');
    expect(readOr(readMailHeaders, '{"X-A":1}', () => ({ fallback: 'yes' }), { what: 'mail headers' })).toEqual({ fallback: 'yes' });
    // Only a stored document's failure falls back: a bug in the reader still throws.
    expect(() =>
      readOr(
        () => {
          throw new TypeError('bug');
        },
        '{}',
        () => 1,
        { what: 'x' },
      ),
    ).toThrow(TypeError);
  });
});

describeEachDatabase('A client made without an intake', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let owner: Session;
  beforeAll(async () => {
    app = await buildTestApp({ database: database() });
    owner = await signUp(app.http);
  });
  afterAll(() => app.http.close());

  // Through the API with no intake at all, and as a row an older version stored as '{}'.
  for (const how of ['left out of the request', 'stored as {} by an older version'] as const) {
    it(`works on every route when the intake was ${how}`, async () => {
      const call = as(app.http, owner);
      const client = await createClient(app.http, owner, { intake: undefined });
      if (how !== 'left out of the request')
        await database().db.updateTable('clients').set({ intake: '{}' }).where('id', '=', client.id).execute();

      const read = await call({ method: 'GET', url: `/api/v1/clients/${client.id}` });
      expect(read.statusCode).toBe(200);
      expect(read.json().intake).toEqual(EMPTY);
      expect((await call({ method: 'GET', url: '/api/v1/clients?q=Robin' })).statusCode).toBe(200);

      const visit = await recordSession(app.http, owner, client.id);
      const suggestions = await call({ method: 'GET', url: `/api/v1/sessions/${visit.id}/suggestions` });
      expect(suggestions.statusCode).toBe(200);
      expect(suggestions.json().suggestions.length).toBeGreaterThan(0);

      // Both items carry cautions (they exclude or warn for some health conditions).
      for (const exerciseId of ['suboccipital-ball-release', 'calf-foam-roll']) {
        const assigned = await call({ method: 'POST', url: `/api/v1/sessions/${visit.id}/homework`, payload: { exerciseId } });
        expect(assigned.statusCode, assigned.body).toBe(201);
      }

      const link = await call({ method: 'POST', url: `/api/v1/clients/${client.id}/link` });
      const token = (link.json().url as string).split('/c/')[1];
      const portal = await app.http.inject({ method: 'GET', url: `/api/v1/portal/${token}` });
      expect(portal.statusCode, portal.body).toBe(200);
      expect(portal.json().items).toHaveLength(2);
      const page = await app.http.inject({ method: 'GET', url: `/c/${token}` });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<html');

      const handout = await call({ method: 'GET', url: `/api/v1/clients/${client.id}/handout.pdf` });
      expect(handout.statusCode).toBe(200);
      expect(handout.headers['content-type']).toContain('application/pdf');

      const edited = await call({ method: 'PATCH', url: `/api/v1/clients/${client.id}`, payload: { firstName: 'Robyn' } });
      expect(edited.statusCode).toBe(200);
      expect(edited.json().intake).toEqual(EMPTY);
      expect((await call({ method: 'GET', url: `/api/v1/clients/${client.id}/timeline` })).statusCode).toBe(200);
      expect((await call({ method: 'GET', url: '/api/v1/reports/summary?from=2026-03-01&to=2026-03-31' })).statusCode).toBe(200);
      const removed = await call({ method: 'DELETE', url: `/api/v1/clients/${client.id}` });
      expect(removed.statusCode).toBeGreaterThanOrEqual(200);
      expect(removed.statusCode).toBeLessThan(300);
    });
  }
});
