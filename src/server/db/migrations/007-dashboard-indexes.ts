import type { Kysely } from 'kysely';

// The dashboard reads a practice's homework that is still running or ended recently, several
// times per summary; homework rows carry the item's whole snapshot, so without this index every
// read walks all of a practice's homework, however old.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('homework_practice_ended').on('homework').columns(['practice_id', 'ended_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('homework_practice_ended').execute();
}
