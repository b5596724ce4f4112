import { type Kysely, PostgresAdapter, sql } from 'kysely';

/*
 * The dashboard's check-in counts kept on write (decision 025): one row per homework item and month
 * holding how many days were ticked done and how the item felt, so five years of a practice are read
 * as a few rows per item instead of every check-in. The database keeps the rows right itself, by
 * triggers on check_ins, whatever writes a check-in (the client page, an import, deleting a client or
 * an item, which cascades) and on whichever instance.
 *
 * The triggers are raw SQL, one form per database: the schema builder has no triggers.
 */

const COLUMNS = 'homework_id, month, practice_id, check_ins, done, better, same, worse';
const counts = (r: string) =>
  `${r}.homework_id, substr(${r}.date, 1, 7), ${r}.practice_id, 1, ` +
  `CASE WHEN ${r}.done = 1 THEN 1 ELSE 0 END, CASE WHEN ${r}.feeling = 'better' THEN 1 ELSE 0 END, ` +
  `CASE WHEN ${r}.feeling = 'same' THEN 1 ELSE 0 END, CASE WHEN ${r}.feeling = 'worse' THEN 1 ELSE 0 END`;
const add = (r: string) =>
  `INSERT INTO check_in_months (${COLUMNS}) VALUES (${counts(r)}) ON CONFLICT (homework_id, month) DO UPDATE SET ` +
  'check_ins = check_in_months.check_ins + 1, done = check_in_months.done + excluded.done, ' +
  'better = check_in_months.better + excluded.better, same = check_in_months.same + excluded.same, ' +
  'worse = check_in_months.worse + excluded.worse';
const month = (r: string) => `homework_id = ${r}.homework_id AND month = substr(${r}.date, 1, 7)`;
// A month with no check-in left has no row, so deleting a client's check-ins leaves nothing of theirs behind.
const remove = (r: string) => [
  `UPDATE check_in_months SET check_ins = check_ins - 1, done = done - (CASE WHEN ${r}.done = 1 THEN 1 ELSE 0 END), ` +
    `better = better - (CASE WHEN ${r}.feeling = 'better' THEN 1 ELSE 0 END), ` +
    `same = same - (CASE WHEN ${r}.feeling = 'same' THEN 1 ELSE 0 END), ` +
    `worse = worse - (CASE WHEN ${r}.feeling = 'worse' THEN 1 ELSE 0 END) WHERE ${month(r)}`,
  `DELETE FROM check_in_months WHERE ${month(r)} AND check_ins = 0`,
];
// Only these columns change a count; a new note or updated_at leaves the row alone.
const COUNTED = 'homework_id, practice_id, date, done, feeling';

function sqliteTriggers(): string[] {
  return [
    `CREATE TRIGGER check_in_months_insert AFTER INSERT ON check_ins FOR EACH ROW BEGIN ${add('NEW')}; END`,
    `CREATE TRIGGER check_in_months_delete AFTER DELETE ON check_ins FOR EACH ROW BEGIN ${remove('OLD').join('; ')}; END`,
    `CREATE TRIGGER check_in_months_update AFTER UPDATE OF ${COUNTED} ON check_ins FOR EACH ROW BEGIN ${[...remove('OLD'), add('NEW')].join('; ')}; END`,
  ];
}

function postgresTriggers(): string[] {
  return [
    `CREATE FUNCTION check_in_months_count() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  IF TG_OP <> 'INSERT' THEN ${remove('OLD').join('; ')}; END IF;
  IF TG_OP <> 'DELETE' THEN ${add('NEW')}; END IF;
  RETURN NULL;
END $$`,
    `CREATE TRIGGER check_in_months_count AFTER INSERT OR DELETE OR UPDATE OF ${COUNTED} ON check_ins FOR EACH ROW EXECUTE FUNCTION check_in_months_count()`,
  ];
}

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('check_in_months')
    .addColumn('homework_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('practice_id', 'text', (c) => c.notNull())
    .addColumn('check_ins', 'integer', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull())
    .addColumn('better', 'integer', (c) => c.notNull())
    .addColumn('same', 'integer', (c) => c.notNull())
    .addColumn('worse', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('check_in_months_pk', ['homework_id', 'month'])
    // SQLite: rows stored in key order, so an item's months are read without a second lookup.
    .$call((t) => (isPostgres(db) ? t : t.modifyEnd(sql`without rowid`)))
    .execute();
  await sql
    .raw(
      `INSERT INTO check_in_months (${COLUMNS}) SELECT homework_id, substr(date, 1, 7), min(practice_id), count(*), ` +
        "sum(CASE WHEN done = 1 THEN 1 ELSE 0 END), sum(CASE WHEN feeling = 'better' THEN 1 ELSE 0 END), " +
        "sum(CASE WHEN feeling = 'same' THEN 1 ELSE 0 END), sum(CASE WHEN feeling = 'worse' THEN 1 ELSE 0 END) " +
        'FROM check_ins GROUP BY homework_id, substr(date, 1, 7)',
    )
    .execute(db);
  for (const statement of isPostgres(db) ? postgresTriggers() : sqliteTriggers()) await sql.raw(statement).execute(db);

  // The dashboard's other reads answered from indexes alone: homework rows carry the item's whole
  // snapshot (about 2 KB), so reading the rows themselves cost more than the counting. These replace
  // the narrower indexes with the same leading columns.
  await db.schema.dropIndex('homework_practice_ended').execute();
  await db.schema
    .createIndex('homework_practice_ended')
    .on('homework')
    .columns(['practice_id', 'ended_at', 'session_id', 'client_id', 'demonstrated_at', 'id'])
    .execute();
  await db.schema.dropIndex('session_records_practice_date').execute();
  await db.schema
    .createIndex('session_records_practice_date')
    .on('session_records')
    .columns(['practice_id', 'date', 'client_id', 'rebooked', 'therapist_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('homework_practice_ended').execute();
  await db.schema.createIndex('homework_practice_ended').on('homework').columns(['practice_id', 'ended_at']).execute();
  await db.schema.dropIndex('session_records_practice_date').execute();
  await db.schema.createIndex('session_records_practice_date').on('session_records').columns(['practice_id', 'date']).execute();
  if (isPostgres(db)) await sql.raw('DROP FUNCTION IF EXISTS check_in_months_count() CASCADE').execute(db);
  else for (const op of ['insert', 'delete', 'update']) await sql.raw(`DROP TRIGGER IF EXISTS check_in_months_${op}`).execute(db);
  await db.schema.dropTable('check_in_months').execute();
}
