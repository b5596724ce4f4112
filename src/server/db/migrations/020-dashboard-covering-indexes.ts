import type { Kysely } from 'kysely';

/*
 * The dashboard's adherence (issue 18, decision 032): the practice's items with their days and dose
 * read from an index alone, never the homework rows (each carries its item's whole snapshot); it
 * replaces migration 018's index with the same leading columns. The kept monthly counts (migration
 * 018) found by practice and month rather than item by item. That index holds no counts, so a
 * check-in's trigger, which changes only counts, leaves it alone (on PostgreSQL an update in place).
 */

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('homework_practice_ended').execute();
  await db.schema
    .createIndex('homework_practice_ended')
    .on('homework')
    .columns(['practice_id', 'ended_at', 'session_id', 'client_id', 'demonstrated_at', 'id', 'assigned_at', 'exercise_id', 'days_per_week'])
    .execute();
  await db.schema.createIndex('check_in_months_practice_month').on('check_in_months').columns(['practice_id', 'month']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('check_in_months_practice_month').execute();
  await db.schema.dropIndex('homework_practice_ended').execute();
  await db.schema
    .createIndex('homework_practice_ended')
    .on('homework')
    .columns(['practice_id', 'ended_at', 'session_id', 'client_id', 'demonstrated_at', 'id'])
    .execute();
}
