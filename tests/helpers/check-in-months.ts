import { sql } from 'kysely';
import type { Db } from '../../src/server/db/index.js';

// The dashboard's kept monthly counts (migration 018) beside a fresh count of the check-ins themselves,
// as plain numbers (PostgreSQL returns its counts as text), in the same order, for tests to compare.
const numbers = (rows: Record<string, unknown>[]) =>
  rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v])));

export const keptMonthlyCounts = async (db: Db) =>
  numbers(await db.selectFrom('check_in_months').selectAll().orderBy('homework_id').orderBy('month').execute());

export const freshMonthlyCounts = async (db: Db) =>
  numbers(
    await db
      .selectFrom('check_ins')
      .select((eb) => [
        'homework_id',
        sql<string>`substr(date, 1, 7)`.as('month'),
        'practice_id',
        eb.fn.countAll().as('check_ins'),
        eb.fn.sum(sql`case when done = 1 then 1 else 0 end`).as('done'),
        eb.fn.sum(sql`case when feeling = 'better' then 1 else 0 end`).as('better'),
        eb.fn.sum(sql`case when feeling = 'same' then 1 else 0 end`).as('same'),
        eb.fn.sum(sql`case when feeling = 'worse' then 1 else 0 end`).as('worse'),
      ])
      .groupBy(['homework_id', sql`substr(date, 1, 7)`, 'practice_id'])
      .orderBy('homework_id')
      .orderBy('month')
      .execute(),
  );
