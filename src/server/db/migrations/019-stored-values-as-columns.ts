import type { Kysely } from 'kysely';

// Values the code queries become columns instead of being found with LIKE on JSON text
// (decision 027): who referred a client, how many days a week an item's dose asks for, and
// which client a job is about (so deleting a client deletes their jobs by that column).
// The backfill reads the JSON here rather than through src/server/db/stored.ts: a migration
// must keep doing what it did when it was written, whatever the readers become.

const PAGE = 1000;

/** The parsed object, or null for anything that is not a JSON object. */
function objectOf(text: string | null): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const text = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : null);

/** Reads a table page by page in id order, so a large table is never held in memory at once. */
async function eachPage<R extends { id: string }>(
  read: (after: string) => Promise<R[]>,
  handle: (rows: R[]) => Promise<void>,
): Promise<void> {
  let after = '';
  for (;;) {
    const rows = await read(after);
    if (!rows.length) return;
    await handle(rows);
    after = rows[rows.length - 1].id;
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('clients').addColumn('referred_by_client_id', 'text').execute();
  await db.schema.createIndex('clients_referred_by').on('clients').column('referred_by_client_id').execute();
  // NOT NULL needs a default for rows already there; every write names it (HomeworkTable requires it).
  await db.schema
    .alterTable('homework')
    .addColumn('days_per_week', 'integer', (c) => c.notNull().defaultTo(7))
    .execute();
  await db.schema.alterTable('jobs').addColumn('client_id', 'text').execute();
  await db.schema.createIndex('jobs_client').on('jobs').column('client_id').execute();

  await eachPage(
    (after) => db.selectFrom('clients').select(['id', 'intake']).where('id', '>', after).orderBy('id').limit(PAGE).execute(),
    async (rows) => {
      for (const r of rows) {
        const by = text(objectOf(r.intake)?.referredByClientId);
        if (by) await db.updateTable('clients').set({ referred_by_client_id: by }).where('id', '=', r.id).execute();
      }
    },
  );

  await eachPage(
    (after) => db.selectFrom('homework').select(['id', 'dose']).where('id', '>', after).orderBy('id').limit(PAGE).execute(),
    async (rows) => {
      const byDays = new Map<number, string[]>();
      for (const r of rows) {
        const days = objectOf(r.dose)?.daysPerWeek;
        if (typeof days === 'number' && Number.isInteger(days) && days >= 1 && days <= 6)
          byDays.set(days, [...(byDays.get(days) ?? []), r.id]);
      }
      for (const [days, ids] of byDays) await db.updateTable('homework').set({ days_per_week: days }).where('id', 'in', ids).execute();
    },
  );

  // Jobs name their client in the payload (reminders) or through the appointment or email they are about.
  await eachPage(
    (after) => db.selectFrom('jobs').select(['id', 'kind', 'payload']).where('id', '>', after).orderBy('id').limit(PAGE).execute(),
    async (rows) => {
      for (const r of rows) {
        const p = objectOf(r.payload);
        let clientId = text(p?.clientId);
        const appointmentId = text(p?.appointmentId);
        const emailId = text(p?.emailId);
        if (!clientId && appointmentId)
          clientId =
            (await db.selectFrom('appointments').select('client_id').where('id', '=', appointmentId).executeTakeFirst())?.client_id ?? null;
        if (!clientId && emailId)
          clientId = (await db.selectFrom('emails').select('client_id').where('id', '=', emailId).executeTakeFirst())?.client_id ?? null;
        if (clientId) await db.updateTable('jobs').set({ client_id: clientId }).where('id', '=', r.id).execute();
      }
    },
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('jobs_client').execute();
  await db.schema.alterTable('jobs').dropColumn('client_id').execute();
  await db.schema.alterTable('homework').dropColumn('days_per_week').execute();
  await db.schema.dropIndex('clients_referred_by').execute();
  await db.schema.alterTable('clients').dropColumn('referred_by_client_id').execute();
}
