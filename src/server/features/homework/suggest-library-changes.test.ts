// What the engine keeps between requests must never outlive an item: a practice's own item is
// suggested as soon as it is written, ranked by what it says after an edit, excluded as soon as a
// caution is added to it, and gone once deleted.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp } from '../../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../../tests/helpers/databases.js';
import { createClient, createCustomItem, recordSession } from '../../../../tests/helpers/factories.js';
import { as, type Session, signUp } from '../../../../tests/helpers/session.js';

interface Listed {
  exercise: { id: string };
  reasons?: string[];
  reason?: string;
}

describeEachDatabase('suggestions follow the practice’s own items as they change', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let owner: Session;
  let sessionId: string;
  beforeAll(async () => {
    app = await buildTestApp({ database: database() });
    owner = await signUp(app.http, { practiceName: 'Changing Library' });
    const client = await createClient(app.http, owner, {
      intake: { complaints: ['neck-pain'], tools: ['strap-or-towel'], cautions: ['vertigo'] },
    });
    sessionId = (
      await recordSession(app.http, owner, client.id, {
        areasNeedingMoreTime: [{ region: 'neck-back' }],
        findings: [{ region: 'neck-back', muscle: 'Splenius capitis' }],
      })
    ).id;
  });
  afterAll(() => app.http.close());

  const suggestions = async () => {
    const res = await as(app.http, owner)({ method: 'GET', url: `/api/v1/sessions/${sessionId}/suggestions` });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { suggestions: Listed[]; excluded: Listed[] };
    return {
      suggested: (id: string) => body.suggestions.find((s) => s.exercise.id === id),
      excluded: (id: string) => body.excluded.find((e) => e.exercise.id === id),
    };
  };
  const edit = (id: string, payload: Record<string, unknown>) =>
    as(app.http, owner)({ method: 'PATCH', url: `/api/v1/exercises/${id}`, payload }).then((res) => expect(res.statusCode).toBe(200));

  it('suggests a new item at once, drops it when an edit makes it unrelated, excludes it for a caution, forgets it when deleted', async () => {
    const item = await createCustomItem(app.http, owner, { muscles: ['Splenius capitis'] });
    let now = await suggestions();
    expect(now.suggested(item.id)?.reasons).toContain('works the splenius capitis found today');

    await edit(item.id, { complaints: ['foot-pain'], regions: ['foot'], muscles: ['Plantar fascia'] });
    now = await suggestions();
    expect(now.suggested(item.id)).toBeUndefined();
    expect(now.excluded(item.id)).toBeUndefined();

    await edit(item.id, { complaints: ['neck-pain'], regions: ['neck-back'], muscles: ['Splenius capitis'], excludedBy: ['vertigo'] });
    now = await suggestions();
    expect(now.suggested(item.id)).toBeUndefined();
    expect(now.excluded(item.id)?.reason).toMatch(/vertigo|dizz/i);

    await edit(item.id, { excludedBy: [] });
    expect((await suggestions()).suggested(item.id)).toBeDefined();

    expect((await as(app.http, owner)({ method: 'DELETE', url: `/api/v1/exercises/${item.id}` })).statusCode).toBe(200);
    now = await suggestions();
    expect(now.suggested(item.id)).toBeUndefined();
    expect(now.excluded(item.id)).toBeUndefined();
  });
});
