import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('appointments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('therapist_id', 'text', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.references('session_records.id').onDelete('set null'))
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('homework_report', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('appointments_therapist_start')
    .on('appointments')
    .columns(['practice_id', 'therapist_id', 'starts_at'])
    .execute();
  await db.schema.createIndex('appointments_client_start').on('appointments').columns(['client_id', 'starts_at']).execute();

  await db.schema.alterTable('session_records').addColumn('rebooked', 'integer').execute();
  await db.schema.alterTable('session_records').addColumn('not_rebooked_reason', 'text').execute();
  await db.schema.alterTable('session_records').addColumn('not_rebooked_note', 'text').execute();

  await db.schema
    .alterTable('practices')
    .addColumn('lapse_weeks', 'integer', (c) => c.notNull().defaultTo(8))
    .execute();
  await db.schema
    .alterTable('practices')
    .addColumn('rebook_interval_days', 'integer', (c) => c.notNull().defaultTo(14))
    .execute();
  await db.schema
    .alterTable('practices')
    .addColumn('default_duration_minutes', 'integer', (c) => c.notNull().defaultTo(60))
    .execute();

  await db.schema.alterTable('clients').addColumn('referral_code', 'text').execute();
  await db.schema.alterTable('clients').addColumn('lapse_mailed_at', 'text').execute();
  await db.schema.alterTable('clients').addColumn('referral_thanked_at', 'text').execute();
  await db.schema.createIndex('clients_referral_code').on('clients').column('referral_code').unique().execute();

  await db.schema
    .createTable('calendar_feeds')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('booking_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.references('clients.id').onDelete('cascade'))
    .addColumn('referrer_client_id', 'text', (c) => c.references('clients.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('preferred_times', 'text', (c) => c.notNull())
    .addColumn('message', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('appointment_id', 'text', (c) => c.references('appointments.id').onDelete('set null'))
    .addColumn('proposed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('booking_requests_practice_status').on('booking_requests').columns(['practice_id', 'status']).execute();

  await db.schema
    .createTable('goals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('unit', 'text')
    .addColumn('baseline', 'real')
    .addColumn('target', 'real')
    .addColumn('target_date', 'text')
    .addColumn('achieved_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('goal_progress')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id').onDelete('cascade'))
    .addColumn('goal_id', 'text', (c) => c.notNull().references('goals.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('value', 'real', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('goal_progress_goal').on('goal_progress').columns(['goal_id', 'recorded_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['goal_progress', 'goals', 'booking_requests', 'calendar_feeds', 'appointments']) await db.schema.dropTable(t).execute();
}
