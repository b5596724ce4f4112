import type { HomeworkReport } from '../../../shared/api/portal.js';
import type { Db } from '../../db/index.js';
import type { AppDeps } from '../../deps.js';
import type { Auth } from '../../http/auth.js';
import { notFound } from '../../http/errors.js';
import { visibleClients } from '../clients/clients.repository.js';
import { appointmentLabel, nextAppointmentOf } from './appointments.service.js';

/** An appointment of this practice whose client the therapist may see, with that client; "not found" otherwise. */
export async function findVisibleAppointment(db: Db, auth: Auth, id: string) {
  const a = await db
    .selectFrom('appointments')
    .selectAll()
    .where('id', '=', id)
    .where('practice_id', '=', auth.practiceId)
    .executeTakeFirst();
  const client =
    a && (await visibleClients(db.selectFrom('clients').selectAll(), auth).where('clients.id', '=', a.client_id).executeTakeFirst());
  if (!a || !client) throw notFound('That appointment');
  return { a, client };
}

/** Keeps how the homework went on the client's next appointment; the label of that visit, or null when none is booked. */
export async function reportHomework({ db, clock }: Pick<AppDeps, 'db' | 'clock'>, clientId: string, went: HomeworkReport) {
  const next = await nextAppointmentOf(db, clientId, clock.now());
  if (!next) return null;
  await db.updateTable('appointments').set({ homework_report: went }).where('id', '=', next.id).execute();
  const practice = await db.selectFrom('practices').select('time_format').where('id', '=', next.practice_id).executeTakeFirst();
  return appointmentLabel(next, practice?.time_format);
}
