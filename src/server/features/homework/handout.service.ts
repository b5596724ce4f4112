import { clientCopyOf } from '../../../shared/client-copy.js';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/index.js';
import { readIntake } from '../../db/stored.js';
import type { Auth } from '../../http/auth.js';
import { formatDayHeading, hourStyleOf, practiceClock } from '../../local-time.js';
import type { Handout } from '../../pdf/handout.js';
import { appointmentLabel, nextAppointmentOf } from '../appointments/appointments.service.js';
import { findVisibleClient } from '../clients/clients.repository.js';
import { issueClientLink, qrPng } from './client-link.js';
import { activeHomework, presentHomework } from './homework.repository.js';

/** Everything a handout or a homework mail shows for one client, with a fresh link to their page. */
export async function handoutFor(o: {
  db: Db;
  clock: Clock;
  config: Config;
  auth: Auth;
  clientId: string;
}): Promise<Handout & { clientEmail: string | null; clientId: string; unsubscribed: boolean }> {
  const client = await findVisibleClient(o.db, o.auth, o.clientId);
  const practice = await o.db.selectFrom('practices').selectAll().where('id', '=', o.auth.practiceId).executeTakeFirstOrThrow();
  const therapist = await o.db
    .selectFrom('members')
    .select(['name', 'email'])
    .where('id', '=', client.therapist_id ?? o.auth.member?.id ?? '')
    .where('practice_id', '=', o.auth.practiceId)
    .executeTakeFirst();
  const homework = await presentHomework(o.db, await activeHomework(o.db, client.id));
  const clientUrl = await issueClientLink(o.db, o.clock, {
    practiceId: o.auth.practiceId,
    clientId: client.id,
    publicUrl: o.config.publicUrl,
  });
  const intake = readIntake(client.intake);
  const next = await nextAppointmentOf(o.db, client.id, o.clock.now());
  return {
    clientId: client.id,
    clientEmail: client.email,
    unsubscribed: client.unsubscribed_at !== null,
    practiceName: practice.name,
    therapistName: therapist?.name ?? practice.sender_name ?? practice.name,
    questionsEmail: therapist?.email ?? practice.reply_to,
    clientFirstName: client.first_name,
    date: formatDayHeading(o.clock.now(), practiceClock(practice), { now: o.clock.now() }),
    items: homework.map((h) => ({
      exercise: h.exercise,
      dose: h.dose,
      note: h.note,
      copy: clientCopyOf(h.exercise, intake.cautions ?? []),
    })),
    goals: intake.goals ?? null,
    nextAppointment: next ? appointmentLabel(next, hourStyleOf(practice)) : null,
    clientUrl,
    qrPng: await qrPng(clientUrl),
    paperSize: practice.paper_size,
  };
}
