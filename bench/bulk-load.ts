// Loading the benchmark's millions of rows quickly, on SQLite or PostgreSQL: many rows per INSERT,
// many INSERTs per transaction, and the triggers that keep derived rows up to date (migrations 017
// and 018) switched off during the load; what they would have made is made once at the end, and
// `tests/bench-generate.test.ts` proves it equals what the triggers make row by row.
import { CompiledQuery, PostgresAdapter, sql } from 'kysely';
import type { Db } from '../src/server/db/index.js';

const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;

/** Both databases take at least 32,766 parameters per statement (SQLite since 3.32, PostgreSQL 65,535). */
const PARAMETERS_PER_INSERT = 30_000;

/** Inserts plain rows (every row has the same columns) with as many rows per statement as the parameters allow. */
export async function insertRows(db: Db, table: string, rows: Record<string, unknown>[]) {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const perInsert = Math.floor(PARAMETERS_PER_INSERT / columns.length);
  const postgres = isPostgres(db);
  for (let i = 0; i < rows.length; i += perInsert) {
    const batch = rows.slice(i, i + perInsert);
    const values: unknown[] = [];
    const tuples: string[] = [];
    for (const row of batch) {
      const marks = columns.map((c) => {
        values.push(row[c]);
        return postgres ? `$${values.length}` : '?';
      });
      tuples.push(`(${marks.join(',')})`);
    }
    // Built by hand rather than by Kysely: compiling 2,000,000 rows' values was a third of the load's time.
    // Table and column names come from this code, never from data.
    await db.executeQuery(CompiledQuery.raw(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(',')}`, values));
  }
}

/**
 * The triggers the load switches off, by table: each keeps a row derived from the rows written (the
 * client page's version, migration 017; the dashboard's check-ins per item and month, migration 018).
 * Triggers not named here (a later migration's) stay on and keep their rows themselves.
 */
const SWITCHED_OFF = {
  check_ins: { sqlite: /^(page_stale_check_ins_|check_in_months_)/, postgres: ['page_stale', 'check_in_months_count'] },
  homework: { sqlite: /^page_stale_homework_/, postgres: ['page_stale'] },
  client_links: { sqlite: /^page_stale_client_links_/, postgres: ['page_stale'] },
} as const;

export const CHECK_IN_MONTH_COLUMNS = 'homework_id, month, practice_id, check_ins, done, better, same, worse';
/** What migration 018's triggers keep, counted afresh from check_ins (the same as its first fill). */
export const CHECK_IN_MONTHS_COUNTED =
  "SELECT homework_id, substr(date, 1, 7), min(practice_id), count(*), sum(CASE WHEN done = 1 THEN 1 ELSE 0 END), sum(CASE WHEN feeling = 'better' THEN 1 ELSE 0 END), sum(CASE WHEN feeling = 'same' THEN 1 ELSE 0 END), sum(CASE WHEN feeling = 'worse' THEN 1 ELSE 0 END) FROM check_ins GROUP BY homework_id, substr(date, 1, 7)";

/**
 * Runs `load` with the derived-row triggers off and SQLite tuned for a bulk load, then puts both
 * back and makes the derived rows. Only for a database nothing else is writing to (the bench's own).
 */
export async function withBulkLoad<T>(db: Db, load: () => Promise<T>): Promise<T> {
  const postgres = isPostgres(db);
  const dropped: { name: string; sql: string }[] = [];
  const restore: string[] = [];
  if (postgres) {
    for (const [table, off] of Object.entries(SWITCHED_OFF))
      for (const name of off.postgres) await sql.raw(`ALTER TABLE ${table} DISABLE TRIGGER ${name}`).execute(db);
  } else {
    const triggers = await sql<{ name: string; tbl_name: string; sql: string }>`
      SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'`.execute(db);
    for (const t of triggers.rows) {
      const off = SWITCHED_OFF[t.tbl_name as keyof typeof SWITCHED_OFF];
      if (!off?.sqlite.test(t.name)) continue;
      dropped.push(t);
      await sql.raw(`DROP TRIGGER ${t.name}`).execute(db);
    }
    restore.push(`PRAGMA cache_size = ${await pragma(db, 'cache_size')}`, `PRAGMA synchronous = ${await pragma(db, 'synchronous')}`);
    // The load's own connection only: a page cache that holds the indexes being filled in random
    // order (UUIDs), and no fsync, since a load cut short is started again, not recovered.
    await sql`PRAGMA cache_size = -1000000`.execute(db);
    await sql`PRAGMA synchronous = OFF`.execute(db);
  }
  try {
    return await load();
  } finally {
    if (postgres) {
      for (const [table, off] of Object.entries(SWITCHED_OFF))
        for (const name of off.postgres) await sql.raw(`ALTER TABLE ${table} ENABLE TRIGGER ${name}`).execute(db);
    } else {
      for (const statement of [...dropped.map((t) => t.sql), ...restore]) await sql.raw(statement).execute(db);
    }
    await fillDerivedRows(db);
  }
}

async function pragma(db: Db, name: string): Promise<number> {
  const result = await sql<Record<string, number>>`PRAGMA ${sql.raw(name)}`.execute(db);
  return Number(result.rows[0][name]);
}

/**
 * What the switched-off triggers would have made. check_in_months is counted again from every
 * check-in (exact whatever was there before). The client page's version needs nothing: the load
 * only adds rows for clients it creates, whose version row the clients trigger (left on) makes, and
 * no page of theirs can be kept yet, so how far the version would have been raised does not matter.
 */
async function fillDerivedRows(db: Db) {
  await db.transaction().execute(async (trx) => {
    await sql`DELETE FROM check_in_months`.execute(trx);
    await sql.raw(`INSERT INTO check_in_months (${CHECK_IN_MONTH_COLUMNS}) ${CHECK_IN_MONTHS_COUNTED}`).execute(trx);
  });
}
