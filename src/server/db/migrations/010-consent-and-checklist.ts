import type { Kysely } from 'kysely';

/*
 * When and how a client agreed to reminder and come-back emails, the practice's default reminder
 * rhythm, and the owner hiding the first-run checklist.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('clients').addColumn('reminders_consent_at', 'text').execute();
  await db.schema.alterTable('clients').addColumn('reminders_consent_via', 'text').execute();
  await db.schema
    .alterTable('practices')
    .addColumn('reminder_default', 'text', (c) => c.notNull().defaultTo('off'))
    .execute();
  await db.schema.alterTable('practices').addColumn('checklist_dismissed_at', 'text').execute();

  // Agreements recorded before this migration: the therapist ticked the box (when is unknown, so the
  // client's last change stands in), or the client chose reminders on their page.
  await db
    .updateTable('clients')
    .set((eb) => ({ reminders_consent_at: eb.ref('updated_at'), reminders_consent_via: 'therapist' }))
    .where('consent_to_email', '=', 1)
    .execute();
  await db
    .updateTable('clients')
    .set((eb) => ({ consent_to_email: 1, reminders_consent_at: eb.ref('updated_at'), reminders_consent_via: 'client-page' }))
    .where('reminder_rhythm', 'is not', null)
    .where('reminder_rhythm', '!=', 'none')
    .where('unsubscribed_at', 'is', null)
    .where('consent_to_email', '=', 0)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('practices').dropColumn('checklist_dismissed_at').execute();
  await db.schema.alterTable('practices').dropColumn('reminder_default').execute();
  await db.schema.alterTable('clients').dropColumn('reminders_consent_via').execute();
  await db.schema.alterTable('clients').dropColumn('reminders_consent_at').execute();
}
