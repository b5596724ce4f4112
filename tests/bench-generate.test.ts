// The benchmark's data is loaded with the derived-row triggers off (bench/bulk-load.ts): what it
// makes in their place must be exactly what the triggers make, and the triggers must be back after.
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { generate } from '../bench/generate.js';
import type { Db, Dialect } from '../src/server/db/index.js';
import { describeEachDatabase } from './helpers/databases.js';

async function triggers(db: Db, dialect: Dialect) {
  const { rows } =
    dialect === 'sqlite'
      ? await sql<{ name: string; definition: string }>`
          SELECT name, sql AS definition FROM sqlite_master WHERE type = 'trigger' ORDER BY name`.execute(db)
      : await sql<{ name: string; definition: string }>`
          SELECT tgrelid::regclass || '.' || tgname AS name, tgenabled AS definition FROM pg_trigger
          WHERE NOT tgisinternal ORDER BY 1`.execute(db);
  return rows;
}

const countOf = async (db: Db, from: string) =>
  Number((await sql.raw<{ n: number }>(`SELECT count(*) AS n FROM ${from}`).execute(db)).rows[0].n);

describeEachDatabase('benchmark data', (database, dialect) => {
  it('keeps the same check-ins per item and month as the triggers make, and leaves the triggers on', async () => {
    const { db } = database();
    const before = await triggers(db, dialect);
    // More check-ins than one INSERT takes (3,000 rows of 10 columns), so the load spans several.
    const scale = { practices: 3, clientsPerPractice: 40, sessionsPerClient: 2, checkInsPerHomework: 14 };
    const data = await generate(db, scale, { label: 'test data', linksPerPractice: 2 });

    expect(await triggers(db, dialect)).toEqual(before);
    expect(data.rows).toEqual({ clients: 120, session_records: 240, homework: 240, check_ins: 3360 });
    expect(await countOf(db, 'check_ins')).toBe(3360);
    expect(await countOf(db, 'client_links')).toBe(6);
    expect(await countOf(db, 'client_page_versions')).toBe(120);

    // Take every check-in out and put it back through the triggers: they must end where the load did.
    await sql`CREATE TABLE loaded_months AS SELECT * FROM check_in_months`.execute(db);
    await sql`CREATE TABLE loaded_check_ins AS SELECT * FROM check_ins`.execute(db);
    const loadedMonths = await countOf(db, 'loaded_months');
    expect(loadedMonths).toBeGreaterThan(240);
    await sql`DELETE FROM check_ins`.execute(db);
    expect(await countOf(db, 'check_in_months')).toBe(0);
    await sql`INSERT INTO check_ins SELECT * FROM loaded_check_ins`.execute(db);
    expect(await countOf(db, 'check_in_months')).toBe(loadedMonths);
    expect(await countOf(db, '(SELECT * FROM check_in_months EXCEPT SELECT * FROM loaded_months) AS extra')).toBe(0);
    expect(await countOf(db, '(SELECT * FROM loaded_months EXCEPT SELECT * FROM check_in_months) AS missing')).toBe(0);
  });
});
