// The items fixed for safety stay out of a client's suggestions when a caution rules them out,
// through the API the therapist's screen reads, and say which caution.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { createClient, recordSession } from '../../../../tests/helpers/factories.js';
import { as, type Session, signUp } from '../../../../tests/helpers/session.js';
import { CAUTIONS, type Caution } from '../../../shared/vocabulary.js';

/** Each caution, and the fixed items it must exclude. */
const MUST_EXCLUDE: [Caution, string[]][] = [
  ['high-blood-pressure', ['neck-front-pinch-massage']],
  ['blood-thinners', ['neck-front-pinch-massage']],
  ['vertigo', ['neck-front-pinch-massage']],
  ['recent-surgery', ['neck-front-pinch-massage']],
  ['cancer-treatment', ['neck-front-pinch-massage']],
  ['clot-history', ['psoas-release', 'quad-foam-roll']],
  ['pregnancy', ['quad-foam-roll']],
];

// Complaints that make each fixed item relevant: only relevant items are listed as excluded.
const COMPLAINTS = ['neck-pain', 'low-back-pain', 'knee-pain'];

interface Listed {
  exercise: { slug: string };
  reason?: string;
}

describeEachDatabase('suggestions: the fixed items’ exclusions', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let owner: Session;
  beforeAll(async () => {
    app = await buildTestApp({ database: database() });
    owner = await signUp(app.http, { practiceName: 'Safety Practice', name: 'Therapist Sam' });
  });
  afterAll(async () => {
    await app.http.close();
  });

  it.each(MUST_EXCLUDE)('with %s, excludes %j and says why', async (caution, slugs) => {
    const client = await createClient(app.http, owner, {
      intake: { complaints: COMPLAINTS, tools: ['tennis-ball', 'foam-roller'], cautions: [caution] },
    });
    const session = await recordSession(app.http, owner, client.id);
    const res = await as(app.http, owner)({ method: 'GET', url: `/api/v1/sessions/${session.id}/suggestions` });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { suggestions: Listed[]; excluded: Listed[] };
    const suggested = body.suggestions.map((s) => s.exercise.slug);
    for (const slug of slugs) {
      expect(suggested).not.toContain(slug);
      const excluded = body.excluded.find((e) => e.exercise.slug === slug);
      expect(excluded, `${slug} is listed as excluded`).toBeDefined();
      expect(excluded?.reason?.toLowerCase()).toContain(CAUTIONS[caution].toLowerCase());
    }
  });
});
