// Every write route that takes a body, fed generated bad bodies (fast-check): the answer is
// always a 4xx with the error shape, never a 5xx, and no row is written anywhere.
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import type { Db } from '../../src/server/db/index.js';
import { buildTestApp } from '../helpers/app.js';
import { describeEachDatabase } from '../helpers/databases.js';
import { as, type Session, signUp } from '../helpers/session.js';
import { buildWorld } from '../helpers/world.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

async function totalRows(db: Db, dialect: string) {
  const tables =
    dialect === 'sqlite'
      ? (
          await sql<{
            name: string;
          }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`.execute(db)
        ).rows
      : (
          await sql<{
            name: string;
          }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_name not like 'kysely_%'`.execute(
            db,
          )
        ).rows;
  const counts: Record<string, number> = {};
  for (const { name } of tables)
    counts[name] = Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(db)).rows[0].n);
  return counts;
}

// Bodies of every shape: JSON values, objects with the right keys holding wrong values, and huge strings.
const badBody = (keys: string[]) =>
  fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.dictionary(fc.constantFrom(...keys, 'extra', '__proto__', 'constructor'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }),
    fc.record({ text: fc.string({ minLength: 2001, maxLength: 30_000 }) }),
  );

describeEachDatabase('fuzzing every write route', (database, dialect) => {
  let app: Awaited<ReturnType<typeof buildTestApp>>;
  let a: Session;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  beforeAll(async () => {
    app = await buildTestApp({ database: database(), env: { RATE_LIMITS: 'off' } });
    a = await signUp(app.http, { practiceName: 'Fuzzed' });
    world = await buildWorld(app.http, a);
  });
  afterAll(() => app.http.close());

  it(`answers ${RUNS} bad bodies per route with a 4xx and writes nothing`, { timeout: 600_000 }, async () => {
    const routes = app.routes.filter((r) => r.url.startsWith('/api/v1/') && r.body && ['POST', 'PUT', 'PATCH'].includes(r.method));
    expect(routes.length).toBeGreaterThan(30);
    const fill = (url: string) =>
      url
        .replace(':token', world.token)
        .replace(':code', 'ZZZZ-ZZZZ')
        .replace(':file', 'x.ics')
        .replace(/:id/, world.resources[url] ?? world.client.id);
    const before = await totalRows(database().db, dialect);
    for (const route of routes) {
      const schema = route.body as ZodType & { shape?: Record<string, unknown> };
      const keys = Object.keys(schema.shape ?? {});
      await fc.assert(
        fc.asyncProperty(
          badBody(keys.length ? keys : ['x']).filter((body) => !schema.safeParse(body).success),
          async (body) => {
            const res = await as(
              app.http,
              a,
            )({
              method: route.method as 'POST',
              url: fill(route.url),
              payload: JSON.stringify(body),
              headers: { 'content-type': 'application/json' },
            });
            if (res.statusCode < 400 || res.statusCode >= 500)
              throw new Error(
                `${route.method} ${route.url} answered ${res.statusCode} to ${JSON.stringify(body).slice(0, 200)}: ${res.body.slice(0, 200)}`,
              );
            const err = res.json().error;
            if (!err?.code || !err?.message) throw new Error(`${route.method} ${route.url}: no error shape`);
          },
        ),
        { numRuns: RUNS, seed: 42 },
      );
    }
    expect(await totalRows(database().db, dialect)).toEqual(before);
  });
});
