import type { Kysely } from 'kysely';

// A member the owner deactivated (they left the practice): signed out for good, never signs in again.
// Failed sign-ins are kept in the database, not in one process's memory, so the per-account backoff
// and the per-address limit hold across every instance and a restart.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('members').addColumn('deactivated_at', 'text').execute();
  await db.schema
    .createTable('login_failures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text')
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_failures_member_at').on('login_failures').columns(['member_id', 'at']).execute();
  await db.schema.createIndex('login_failures_address_at').on('login_failures').columns(['address', 'at']).execute();
  await db.schema.createIndex('login_failures_at').on('login_failures').column('at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('login_failures').execute();
  await db.schema.alterTable('members').dropColumn('deactivated_at').execute();
}
