import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp } from '../../../tests/helpers/app.js';
import { describeEachDatabase } from '../../../tests/helpers/databases.js';
import { systemClock } from '../clock.js';
import { DEMO_LOGIN, seedDemoIfEmpty } from './demo.js';
import { seedDemoClients } from './demo-clients.js';

describeEachDatabase('the demo practice', (database) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  beforeAll(async () => {
    app = await buildTestApp({ database: database(), clock: systemClock });
  });
  afterAll(() => app.http.close());

  it('is seeded once, labelled as a demo, with clients, homework and check-ins made through the API', async () => {
    expect(await seedDemoIfEmpty(database().db, systemClock)).toBe(true);
    await seedDemoClients(app.http, database().db, systemClock, DEMO_LOGIN, 'America/New_York');
    expect(await seedDemoIfEmpty(database().db, systemClock)).toBe(false);
    const { db } = database();
    expect((await db.selectFrom('practices').select('is_demo').executeTakeFirstOrThrow()).is_demo).toBe(1);
    expect(await db.selectFrom('clients').select('id').execute()).toHaveLength(6);
    expect((await db.selectFrom('homework').select('id').execute()).length).toBeGreaterThanOrEqual(11);
    expect((await db.selectFrom('check_ins').select('id').execute()).length).toBeGreaterThan(20);
    expect((await db.selectFrom('appointments').select('id').execute()).length).toBeGreaterThan(10);
  });
});
