import type { Kysely } from 'kysely';

/*
 * The dashboard's adherence read from indexes alone (issue 18): the practice's items with their
 * days and dose, and the kept monthly counts (migration 018) by practice and month, so a summary
 * reads neither the homework rows (each carries its item's whole snapshot) nor every item's months
 * one by one. The homework index replaces migration 018's with the same leading columns.
 */

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('homework_practice_ended').execute();
  await db.schema
    .createIndex('homework_practice_ended')
    .on('homework')
    .columns(['practice_id', 'ended_at', 'session_id', 'client_id', 'demonstrated_at', 'id', 'assigned_at', 'exercise_id', 'days_per_week'])
    .execute();
  await db.schema
    .createIndex('check_in_months_practice_month')
    .on('check_in_months')
    .columns(['practice_id', 'month', 'homework_id', 'done', 'better', 'same', 'worse'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('check_in_months_practice_month').execute();
  await db.schema.dropIndex('homework_practice_ended').execute();
  await db.schema
    .createIndex('homework_practice_ended')
    .on('homework')
    .columns(['practice_id', 'ended_at', 'session_id', 'client_id', 'demonstrated_at', 'id'])
    .execute();
}
