import type { SessionRecord } from '../../../shared/api/clients.js';
import type { Db } from '../../db/index.js';
import type { SessionRecordTable } from '../../db/schema.js';
import { readSessionLists } from '../../db/stored.js';
import type { Auth } from '../../http/auth.js';
import { notFound } from '../../http/errors.js';
import { visibleClients } from './clients.repository.js';

/** A session as the API shows it, without the visit it was recorded at. */
export const presentSession = (s: SessionRecordTable): SessionRecord => presentSessionAt(s, null);

/** A session with the visit it was recorded at (null when none). */
export function presentSessionAt(s: SessionRecordTable, appointmentId: string | null): SessionRecord {
  return {
    id: s.id,
    clientId: s.client_id,
    therapistId: s.therapist_id,
    date: s.date,
    ...readSessionLists(s),
    notes: s.notes,
    subjective: s.subjective ?? null,
    assessment: s.assessment ?? null,
    appointmentId,
    createdAt: s.created_at,
  };
}

/** The session row if its client is visible to this caller; 404 otherwise. */
export async function findVisibleSession(db: Db, auth: Auth, id: string): Promise<SessionRecordTable> {
  const row = await db
    .selectFrom('session_records')
    .selectAll()
    .where('id', '=', id)
    .where('practice_id', '=', auth.practiceId)
    .executeTakeFirst();
  if (!row) throw notFound('That session');
  const client = await visibleClients(db.selectFrom('clients').select('id'), auth)
    .where('clients.id', '=', row.client_id)
    .executeTakeFirst();
  if (!client) throw notFound('That session');
  return row;
}
