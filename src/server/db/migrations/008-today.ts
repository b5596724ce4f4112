import type { Kysely } from 'kysely';

// The session recorded at a visit, kept apart from session_id (the session at whose checkout the
// visit was booked): one appointment can be both booked at one session and attended at the next.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('appointments')
    .addColumn('recorded_session_id', 'text', (c) => c.references('session_records.id').onDelete('set null'))
    .execute();
  // A session record reads as a SOAP note: the client's report (S) and the assessment (A) are text.
  await db.schema.alterTable('session_records').addColumn('subjective', 'text').execute();
  await db.schema.alterTable('session_records').addColumn('assessment', 'text').execute();
  // One visit per session: two saves of one visit cannot both link to it.
  await db.schema.createIndex('appointments_recorded_session').on('appointments').column('recorded_session_id').unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('appointments_recorded_session').execute();
  await db.schema.alterTable('appointments').dropColumn('recorded_session_id').execute();
  await db.schema.alterTable('session_records').dropColumn('assessment').execute();
  await db.schema.alterTable('session_records').dropColumn('subjective').execute();
}
