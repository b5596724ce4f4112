import type { Db } from '../../db/index.js';

/**
 * The latest mail to the client that did not go (refused, given up after its last try, or perhaps
 * not arrived), unless a later one went: what the therapist should know before counting on email.
 */
export async function latestMailNotSent(db: Db, clientId: string) {
  const latest = await db
    .selectFrom('emails')
    .select(['subject', 'status', 'last_error', 'created_at'])
    .where('client_id', '=', clientId)
    .where('status', 'in', ['sent', 'kept', 'failed', 'unknown'])
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!latest || (latest.status !== 'failed' && latest.status !== 'unknown')) return null;
  return { subject: latest.subject, at: latest.created_at, status: latest.status, reason: latest.last_error };
}
