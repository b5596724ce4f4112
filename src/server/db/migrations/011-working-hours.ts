import type { Kysely } from 'kysely';

// Each therapist's week (several ranges a day make breaks) and their days off. Times are wall-clock
// "HH:MM" in the practice's time zone, so a 09:00 start stays 09:00 across daylight-saving changes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('working_hours')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('weekday', 'integer', (c) => c.notNull())
    .addColumn('start_time', 'text', (c) => c.notNull())
    .addColumn('end_time', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('working_hours_member').on('working_hours').columns(['member_id', 'weekday']).execute();

  await db.schema
    .createTable('days_off')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .execute();
  await db.schema.createIndex('days_off_member_date').on('days_off').columns(['member_id', 'date']).unique().execute();

  // Null until the therapist saves their hours: until then a plain Monday-to-Friday week is assumed.
  await db.schema.alterTable('members').addColumn('working_hours_saved_at', 'text').execute();

  // When the homework of a session was mailed: a visit booked at its checkout before then rides along with that mail.
  await db.schema.alterTable('session_records').addColumn('homework_sent_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('session_records').dropColumn('homework_sent_at').execute();
  await db.schema.alterTable('members').dropColumn('working_hours_saved_at').execute();
  await db.schema.dropTable('days_off').execute();
  await db.schema.dropTable('working_hours').execute();
}
