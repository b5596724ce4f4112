import type { Kysely } from 'kysely';

// The last handout PDF made for each client, kept with a hash of everything it shows and the
// client link printed on it: an unchanged handout is sent again, not rendered again (decision 023).
// `bytea` is PostgreSQL's binary type; SQLite gives the same name BLOB affinity.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('handout_files')
    .addColumn('client_id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull())
    .addColumn('inputs_hash', 'text', (c) => c.notNull())
    .addColumn('link_hash', 'text', (c) => c.notNull())
    .addColumn('pdf', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('handout_files').execute();
}
