import type { Clock } from '../../clock.js';
import type { Db } from '../../db/index.js';
import type { Auth } from '../../http/auth.js';
import { AppError, conflict, invalid, notFound } from '../../http/errors.js';
import { audit } from '../clients/clients.repository.js';

/**
 * The owner deactivates a member who left: in one transaction their sessions end, their calendar
 * feeds and the API keys they made are revoked, their clients and coming appointments go to the
 * member the owner chose, and the audit log says so. They can never sign in again (auth.routes.ts).
 */
export async function deactivateMember(o: { db: Db; clock: Clock; auth: Auth; memberId: string; clientsTo?: string }) {
  const now = o.clock.now().toISOString();
  const { practiceId } = o.auth;
  const member = await o.db
    .selectFrom('members')
    .select(['id', 'name', 'role', 'deactivated_at'])
    .where('practice_id', '=', practiceId)
    .where('id', '=', o.memberId)
    .executeTakeFirst();
  if (!member) throw notFound('That member');
  if (member.deactivated_at) throw conflict('This member is already deactivated.', 'already_deactivated');
  if (member.id === o.auth.member?.id) throw new AppError(400, 'cannot_deactivate_self', 'You cannot deactivate your own account.');

  const active = await o.db
    .selectFrom('members')
    .select(['id', 'name', 'role'])
    .where('practice_id', '=', practiceId)
    .where('deactivated_at', 'is', null)
    .execute();
  if (member.role === 'owner' && active.filter((m) => m.role === 'owner').length < 2)
    throw conflict('A practice needs an owner: make someone else an owner first.', 'last_owner');
  const theirClients = await o.db
    .selectFrom('clients')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('practice_id', '=', practiceId)
    .where('therapist_id', '=', member.id)
    .executeTakeFirst();
  const clientCount = Number(theirClients?.n ?? 0);
  const heir = o.clientsTo ? active.find((m) => m.id === o.clientsTo && m.id !== member.id) : undefined;
  if (o.clientsTo && !heir) throw invalid({ clientsTo: 'Choose someone who still works in your practice' });
  if (clientCount > 0 && !heir) throw invalid({ clientsTo: `Choose who takes over their ${clientCount} client(s)` });

  return o.db.transaction().execute(async (trx) => {
    const took = await trx
      .updateTable('members')
      .set({ deactivated_at: now })
      .where('id', '=', member.id)
      .where('deactivated_at', 'is', null)
      .executeTakeFirst();
    if (Number(took.numUpdatedRows) !== 1) throw conflict('This member is already deactivated.', 'already_deactivated');
    await trx.deleteFrom('auth_sessions').where('member_id', '=', member.id).execute();
    await trx.deleteFrom('password_resets').where('member_id', '=', member.id).execute();
    await trx
      .updateTable('calendar_feeds')
      .set({ revoked_at: now })
      .where('member_id', '=', member.id)
      .where('revoked_at', 'is', null)
      .execute();
    const keys = await trx
      .updateTable('api_keys')
      .set({ revoked_at: now })
      .where('practice_id', '=', practiceId)
      .where('created_by', '=', member.id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (heir) {
      await trx
        .updateTable('clients')
        .set({ therapist_id: heir.id, updated_at: now })
        .where('practice_id', '=', practiceId)
        .where('therapist_id', '=', member.id)
        .execute();
      await trx
        .updateTable('appointments')
        .set({ therapist_id: heir.id })
        .where('practice_id', '=', practiceId)
        .where('therapist_id', '=', member.id)
        .where('starts_at', '>=', now)
        .execute();
    }
    const moved = heir ? `; ${clientCount} client(s) moved to ${heir.name}` : '';
    await audit(trx, o.auth, { practiceId, clientId: null, action: `deactivated ${member.name}${moved}` }, now);
    return { clientsMoved: heir ? clientCount : 0, apiKeysRevoked: Number(keys.numUpdatedRows) };
  });
}
