import { type Kysely, PostgresAdapter, sql } from 'kysely';

/*
 * A changed check-in costs its triggers less (issue 18, decision 034). A client changing today's
 * tick (done, undone, how it felt) keeps its item and month: the dashboard's monthly row is now moved
 * by the difference in one UPDATE, instead of taking the old check-in out (UPDATE, then DELETE when
 * empty) and putting the new one in (an upsert); and only when a count changes. The client's page
 * version is raised by one equality on the client's row instead of an OR of old and new client.
 * Anything else (a check-in moved to another item or month, which the app never does) still goes
 * the general way of migrations 017 and 018, so the counts stay exact whatever writes.
 */

const flag = (r: string, test: string) => `(CASE WHEN ${r}.${test} THEN 1 ELSE 0 END)`;
const diff = (test: string) => `${flag('NEW', test)} - ${flag('OLD', test)}`;
const MOVE_BY_DIFFERENCE =
  `UPDATE check_in_months SET done = done + ${diff('done = 1')}, better = better + ${diff("feeling = 'better'")}, ` +
  `same = same + ${diff("feeling = 'same'")}, worse = worse + ${diff("feeling = 'worse'")} ` +
  'WHERE homework_id = NEW.homework_id AND month = substr(NEW.date, 1, 7)';
const SAME_MONTH =
  'NEW.homework_id = OLD.homework_id AND NEW.practice_id = OLD.practice_id AND substr(NEW.date, 1, 7) = substr(OLD.date, 1, 7)';
const COUNT_CHANGED = '(NEW.done IS DISTINCT FROM OLD.done OR NEW.feeling IS DISTINCT FROM OLD.feeling)';

// As migration 018 wrote them: the general way, for a check-in that moves to another item or month.
const COLUMNS = 'homework_id, month, practice_id, check_ins, done, better, same, worse';
const add = (r: string) =>
  `INSERT INTO check_in_months (${COLUMNS}) VALUES (${r}.homework_id, substr(${r}.date, 1, 7), ${r}.practice_id, 1, ` +
  `${flag(r, 'done = 1')}, ${flag(r, "feeling = 'better'")}, ${flag(r, "feeling = 'same'")}, ${flag(r, "feeling = 'worse'")}) ` +
  'ON CONFLICT (homework_id, month) DO UPDATE SET check_ins = check_in_months.check_ins + 1, done = check_in_months.done + excluded.done, ' +
  'better = check_in_months.better + excluded.better, same = check_in_months.same + excluded.same, worse = check_in_months.worse + excluded.worse';
const month = (r: string) => `homework_id = ${r}.homework_id AND month = substr(${r}.date, 1, 7)`;
const remove = (r: string) =>
  `UPDATE check_in_months SET check_ins = check_ins - 1, done = done - ${flag(r, 'done = 1')}, ` +
  `better = better - ${flag(r, "feeling = 'better'")}, same = same - ${flag(r, "feeling = 'same'")}, ` +
  `worse = worse - ${flag(r, "feeling = 'worse'")} WHERE ${month(r)}; DELETE FROM check_in_months WHERE ${month(r)} AND check_ins = 0`;
const COUNTED = 'homework_id, practice_id, date, done, feeling';
const bump = (condition: string) => `UPDATE client_page_versions SET version = version + 1 WHERE client_id ${condition}`;

const sqliteUp = [
  'DROP TRIGGER check_in_months_update',
  `CREATE TRIGGER check_in_months_update_same_month AFTER UPDATE OF ${COUNTED} ON check_ins FOR EACH ROW WHEN ${SAME_MONTH} AND ${COUNT_CHANGED} BEGIN ${MOVE_BY_DIFFERENCE}; END`,
  `CREATE TRIGGER check_in_months_update_moved AFTER UPDATE OF ${COUNTED} ON check_ins FOR EACH ROW WHEN NOT (${SAME_MONTH}) BEGIN ${remove('OLD')}; ${add('NEW')}; END`,
  'DROP TRIGGER page_stale_check_ins_update',
  `CREATE TRIGGER page_stale_check_ins_update AFTER UPDATE ON check_ins FOR EACH ROW WHEN NEW.client_id = OLD.client_id BEGIN ${bump('= NEW.client_id')}; END`,
  `CREATE TRIGGER page_stale_check_ins_update_moved AFTER UPDATE ON check_ins FOR EACH ROW WHEN NEW.client_id <> OLD.client_id BEGIN ${bump('= NEW.client_id OR client_id = OLD.client_id')}; END`,
];
const sqliteDown = [
  'DROP TRIGGER check_in_months_update_same_month',
  'DROP TRIGGER check_in_months_update_moved',
  `CREATE TRIGGER check_in_months_update AFTER UPDATE OF ${COUNTED} ON check_ins FOR EACH ROW BEGIN ${remove('OLD')}; ${add('NEW')}; END`,
  'DROP TRIGGER page_stale_check_ins_update_moved',
  'DROP TRIGGER page_stale_check_ins_update',
  `CREATE TRIGGER page_stale_check_ins_update AFTER UPDATE ON check_ins FOR EACH ROW BEGIN ${bump('= NEW.client_id OR client_id = OLD.client_id')}; END`,
];

// PostgreSQL: the same functions, replaced in place (the triggers calling them stay as they are).
const postgresMonths = (fast: boolean) => `CREATE OR REPLACE FUNCTION check_in_months_count() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  ${fast ? `IF TG_OP = 'UPDATE' THEN IF ${SAME_MONTH} THEN IF ${COUNT_CHANGED} THEN ${MOVE_BY_DIFFERENCE}; END IF; RETURN NULL; END IF; END IF;` : ''}
  IF TG_OP <> 'INSERT' THEN ${remove('OLD')}; END IF;
  IF TG_OP <> 'DELETE' THEN ${add('NEW')}; END IF;
  RETURN NULL;
END $$`;
const postgresPage = (fast: boolean) => `CREATE OR REPLACE FUNCTION page_stale_check_ins() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  IF TG_OP = 'INSERT' THEN ${bump('= NEW.client_id')};
  ELSIF TG_OP = 'DELETE' THEN ${bump('= OLD.client_id')};
  ${fast ? `ELSIF NEW.client_id = OLD.client_id THEN ${bump('= NEW.client_id')};` : ''}
  ELSE ${bump('= NEW.client_id OR client_id = OLD.client_id')};
  END IF;
  RETURN NULL;
END $$`;

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = isPostgres(db) ? [postgresMonths(true), postgresPage(true)] : sqliteUp;
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const statements = isPostgres(db) ? [postgresMonths(false), postgresPage(false)] : sqliteDown;
  for (const statement of statements) await sql.raw(statement).execute(db);
}
