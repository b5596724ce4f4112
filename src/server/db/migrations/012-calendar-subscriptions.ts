import type { Kysely } from 'kysely';

// A therapist's existing booking calendar (a private iCal address) and the events last read from it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('calendar_subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('last_success_at', 'text')
    .addColumn('last_attempt_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('event_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('calendar_subscriptions_practice')
    .on('calendar_subscriptions')
    .columns(['practice_id', 'member_id'])
    .execute();

  await db.schema
    .createTable('imported_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id').onDelete('cascade'))
    .addColumn('subscription_id', 'text', (c) => c.notNull().references('calendar_subscriptions.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('uid', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('all_day', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('attendee_email', 'text')
    .addColumn('client_id', 'text', (c) => c.references('clients.id').onDelete('set null'))
    .addColumn('matched_by', 'text')
    .execute();
  await db.schema
    .createIndex('imported_events_member_start')
    .on('imported_events')
    .columns(['practice_id', 'member_id', 'starts_at'])
    .execute();
  await db.schema.createIndex('imported_events_subscription').on('imported_events').column('subscription_id').execute();

  // A therapist's one-tap match survives every re-import: it is kept per event series (UID).
  await db.schema
    .createTable('imported_event_matches')
    .addColumn('subscription_id', 'text', (c) => c.notNull().references('calendar_subscriptions.id').onDelete('cascade'))
    .addColumn('uid', 'text', (c) => c.notNull())
    .addColumn('practice_id', 'text', (c) => c.notNull().references('practices.id').onDelete('cascade'))
    .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('imported_event_matches_pk', ['subscription_id', 'uid'])
    .execute();
  await db.schema.createIndex('imported_event_matches_client').on('imported_event_matches').column('client_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['imported_event_matches', 'imported_events', 'calendar_subscriptions']) await db.schema.dropTable(t).execute();
}
