import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('clients').addColumn('reminder_rhythm', 'text').execute();
  await db.schema.alterTable('clients').addColumn('unsubscribed_at', 'text').execute();

  await db.schema
    .createTable('questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('asked_at', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('answered_by', 'text', (c) => c.references('members.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('questions_practice_open').on('questions').columns(['practice_id', 'answered_at']).execute();
  await db.schema.createIndex('questions_client').on('questions').column('client_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('questions').execute();
}
