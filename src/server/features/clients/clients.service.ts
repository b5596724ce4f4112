import { sql } from 'kysely';
import type { Intake } from '../../../shared/api/clients.js';
import type { Db } from '../../db/index.js';
import { intakeColumns, readIntake, readMailAttachments, readOr } from '../../db/stored.js';
import type { Auth } from '../../http/auth.js';
import { invalid } from '../../http/errors.js';

/** A referrer must be another client of the same practice. */
export async function checkReferrer(db: Db, practiceId: string, intake: Partial<Intake>, selfId?: string) {
  const ref = intake.referredByClientId;
  if (!ref) return;
  const found = await db.selectFrom('clients').select('id').where('practice_id', '=', practiceId).where('id', '=', ref).executeTakeFirst();
  if (!found || ref === selfId) throw invalid({ 'intake.referredByClientId': 'No such client in your practice' });
}

/** The therapist a new client belongs to: the caller, or (owner or API key) a member they name. */
export async function therapistFor(db: Db, auth: Auth, requested: string | undefined): Promise<string | null> {
  if (requested && auth.member?.role !== 'therapist') {
    const member = await db
      .selectFrom('members')
      .select('id')
      .where('practice_id', '=', auth.practiceId)
      .where('id', '=', requested)
      .where('deactivated_at', 'is', null)
      .executeTakeFirst();
    if (!member) throw invalid({ therapistId: 'No such therapist in your practice' });
    return member.id;
  }
  return auth.member?.id ?? null;
}

/**
 * Removes a client and every row that holds their data, in one transaction, and returns the
 * stored files of theirs. Each table that can hold a client's data is listed here; the
 * deletion test checks every table.
 */
export async function deleteClientEverywhere(trx: Db, practiceId: string, clientId: string): Promise<string[]> {
  const files = [
    ...(
      await trx
        .selectFrom('homework_media as m')
        .innerJoin('homework as h', 'h.id', 'm.homework_id')
        .select('m.storage_key')
        .where('h.client_id', '=', clientId)
        .execute()
    ).map((m) => m.storage_key),
    ...(await trx.selectFrom('emails').select(['id', 'attachments']).where('client_id', '=', clientId).execute()).flatMap((e) =>
      // A list that no longer reads must not stop the deletion: the warning names the mail whose files stay.
      readOr(readMailAttachments, e.attachments, () => [], { what: 'mail attachments', id: e.id }).map((a) => a.storageKey),
    ),
  ];
  await trx.deleteFrom('check_ins').where('client_id', '=', clientId).execute();
  await trx.deleteFrom('questions').where('client_id', '=', clientId).execute();
  await trx.deleteFrom('goal_progress').where('client_id', '=', clientId).execute();
  await trx.deleteFrom('goals').where('client_id', '=', clientId).execute();
  await trx.deleteFrom('booking_requests').where('client_id', '=', clientId).execute();
  await trx.updateTable('booking_requests').set({ referrer_client_id: null }).where('referrer_client_id', '=', clientId).execute();
  await trx.deleteFrom('appointments').where('client_id', '=', clientId).execute();
  // An imported booking stays in the therapist's calendar; only its link to this client goes.
  await trx.deleteFrom('imported_event_matches').where('client_id', '=', clientId).execute();
  await trx.updateTable('imported_events').set({ client_id: null, matched_by: null }).where('client_id', '=', clientId).execute();
  await trx.deleteFrom('jobs').where('client_id', '=', clientId).execute();
  await trx
    .deleteFrom('homework_media')
    .where('homework_id', 'in', trx.selectFrom('homework').select('id').where('client_id', '=', clientId))
    .execute();
  await trx.deleteFrom('homework').where('client_id', '=', clientId).execute();
  await trx.deleteFrom('handout_files').where('client_id', '=', clientId).execute();
  await trx.deleteFrom('client_links').where('client_id', '=', clientId).execute();
  await trx.deleteFrom('intake_links').where('client_id', '=', clientId).execute();
  await trx.deleteFrom('session_records').where('client_id', '=', clientId).execute();
  // Who looked at or changed the client stays in the log; the link to them goes, and no action text names
  // their health (a caution is dropped), so the owner can still answer "who saw this record?".
  await trx
    .updateTable('audit_log')
    .set({ client_id: null, action: sql<string>`replace(action, ' over a caution', '') || ' (a client since deleted)'` })
    .where('practice_id', '=', practiceId)
    .where('client_id', '=', clientId)
    .execute();
  await trx.deleteFrom('emails').where('client_id', '=', clientId).execute();
  // Referral credits on other clients point at this one: the link goes, the friend stays.
  const referred = await trx
    .selectFrom('clients')
    .select(['id', 'intake'])
    .where('practice_id', '=', practiceId)
    .where('referred_by_client_id', '=', clientId)
    .execute();
  for (const other of referred) {
    // Their intake is rewritten whole; one that no longer reads still loses the link (the column).
    const intake = readOr(readIntake, other.intake, () => null, { what: 'intake', id: other.id });
    await trx
      .updateTable('clients')
      .set(intake ? intakeColumns({ ...intake, referredByClientId: null }) : { referred_by_client_id: null })
      .where('id', '=', other.id)
      .execute();
  }
  await trx.deleteFrom('clients').where('id', '=', clientId).where('practice_id', '=', practiceId).execute();
  // The caller removes these files once the transaction has committed.
  return files;
}

export const todayUtc = (now: Date) => now.toISOString().slice(0, 10);

/** A session date must be a real calendar day between 2000 and tomorrow. */
export function checkSessionDate(date: string, now: Date) {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) throw invalid({ date: 'That is not a real date' });
  const tomorrow = todayUtc(new Date(now.getTime() + 86_400_000));
  if (date < '2000-01-01' || date > tomorrow) throw invalid({ date: `Choose a date between 2000-01-01 and ${tomorrow}` });
}
