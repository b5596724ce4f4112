import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('homework')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('session_id', 'text', (c) => c.references('session_records.id').onDelete('set null'))
    .addColumn('exercise_id', 'text', (c) => c.notNull())
    .addColumn('exercise', 'text', (c) => c.notNull())
    .addColumn('dose', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('override_reason', 'text')
    .addColumn('assigned_by', 'text', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addColumn('demonstrated_at', 'text')
    .addColumn('ended_at', 'text')
    .addColumn('progressed_to', 'text')
    .execute();
  await db.schema.createIndex('homework_client_status').on('homework').columns(['client_id', 'status']).execute();
  await db.schema.createIndex('homework_practice_assigned').on('homework').columns(['practice_id', 'assigned_at']).execute();

  await db.schema
    .createTable('homework_media')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id').onDelete('cascade'))
    .addColumn('homework_id', 'text', (c) => c.notNull().references('homework.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('client_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('client_links_client').on('client_links').column('client_id').execute();

  await db.schema
    .createTable('check_ins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('homework_id', 'text', (c) => c.notNull().references('homework.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull())
    .addColumn('feeling', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('check_ins_homework_date', ['homework_id', 'date'])
    .execute();
  await db.schema.createIndex('check_ins_client_date').on('check_ins').columns(['client_id', 'date']).execute();

  await db.schema.alterTable('emails').addColumn('attachments', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['check_ins', 'client_links', 'homework_media', 'homework']) await db.schema.dropTable(t).execute();
}
