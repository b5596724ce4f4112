import type { Checklist, ChecklistItemKey } from '../../../shared/api/checklist.js';
import type { Db } from '../../db/index.js';
import type { Auth } from '../../http/auth.js';
import { visibleClients } from '../clients/clients.repository.js';

const LABELS: Record<ChecklistItemKey, string> = {
  'timezone-and-hours': 'Set your time zone and working hours',
  'sender-name': 'Choose the name your emails come from',
  'first-client': 'Add your first client',
  'first-session': 'Record your first session',
  'first-homework-sent': 'Send your first homework',
};

/** A signup starts in UTC; any other zone was chosen by the owner. */
const CHOSEN_ZONE = (zone: string) => zone !== 'UTC';

/**
 * The first-run checklist of a new practice, read from what is really there: the practice's settings,
 * the caller's working hours (an API key counts the owner's), and the first client, session and homework
 * email among the clients the caller may see (a therapist's own).
 */
export async function practiceChecklist(db: Db, auth: Auth): Promise<Checklist> {
  const practiceId = auth.practiceId;
  const seen = visibleClients(db.selectFrom('clients').select('clients.id'), auth);
  const [practice, member, client, session, emailed] = await Promise.all([
    db
      .selectFrom('practices')
      .select(['timezone', 'sender_name', 'checklist_dismissed_at'])
      .where('id', '=', practiceId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('members')
      .select('working_hours_saved_at')
      .where('practice_id', '=', practiceId)
      .$if(auth.member !== null, (q) => q.where('id', '=', auth.member!.id))
      .$if(auth.member === null, (q) => q.where('role', '=', 'owner').orderBy('created_at'))
      .executeTakeFirst(),
    seen.orderBy('clients.created_at').executeTakeFirst(),
    db
      .selectFrom('session_records')
      .select(['id', 'client_id'])
      .where('client_id', 'in', seen)
      .orderBy('created_at', 'desc')
      .executeTakeFirst(),
    db.selectFrom('audit_log').select('id').where('action', '=', 'emailed homework').where('client_id', 'in', seen).executeTakeFirst(),
  ]);
  const done: Record<ChecklistItemKey, boolean> = {
    'timezone-and-hours': CHOSEN_ZONE(practice.timezone) && Boolean(member?.working_hours_saved_at),
    'sender-name': Boolean(practice.sender_name),
    'first-client': Boolean(client),
    'first-session': Boolean(session),
    'first-homework-sent': Boolean(emailed),
  };
  const href: Record<ChecklistItemKey, string> = {
    'timezone-and-hours': '/settings#working-hours',
    'sender-name': '/settings#practice',
    'first-client': '/clients/new',
    'first-session': client ? `/clients/${client.id}/sessions/new` : '/clients/new',
    'first-homework-sent': session ? `/sessions/${session.id}/homework` : client ? `/clients/${client.id}` : '/clients/new',
  };
  const items = (Object.keys(LABELS) as ChecklistItemKey[]).map((key) => ({ key, label: LABELS[key], done: done[key], href: href[key] }));
  const count = items.filter((i) => i.done).length;
  return {
    items,
    done: count,
    total: items.length,
    dismissedAt: practice.checklist_dismissed_at,
    show: practice.checklist_dismissed_at === null && count < items.length,
  };
}
