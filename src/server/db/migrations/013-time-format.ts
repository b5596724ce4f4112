import type { Kysely } from 'kysely';

// The practice's choice of a 12- or 24-hour clock for every time Carryover writes. Null until the
// practice chooses: the hour style most people in its time zone read is used meanwhile.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('practices').addColumn('time_format', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('practices').dropColumn('time_format').execute();
}
