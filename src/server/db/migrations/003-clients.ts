import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('clients')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id').onDelete('cascade'))
    .addColumn('therapist_id', 'text', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('timezone', 'text')
    .addColumn('consent_to_email', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('intake', 'text', (c) => c.notNull())
    .addColumn('intake_completed_at', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('clients_practice_email', ['practice_id', 'email'])
    .execute();
  await db.schema.createIndex('clients_practice_updated').on('clients').columns(['practice_id', 'updated_at']).execute();
  await db.schema.createIndex('clients_therapist').on('clients').columns(['practice_id', 'therapist_id']).execute();

  await db.schema
    .createTable('session_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('therapist_id', 'text', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('areas_worked', 'text', (c) => c.notNull())
    .addColumn('areas_more_time', 'text', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('focus_complaints', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('session_records_client').on('session_records').columns(['client_id', 'date']).execute();
  await db.schema.createIndex('session_records_practice_date').on('session_records').columns(['practice_id', 'date']).execute();

  await db.schema
    .createTable('intake_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('created_by', 'text', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.alterTable('emails').addColumn('client_id', 'text').execute();
  await db.schema.createIndex('emails_client').on('emails').column('client_id').execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_practice_at').on('audit_log').columns(['practice_id', 'at']).execute();
  await db.schema.createIndex('audit_log_client').on('audit_log').column('client_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['audit_log', 'intake_links', 'session_records', 'clients']) await db.schema.dropTable(t).execute();
}
