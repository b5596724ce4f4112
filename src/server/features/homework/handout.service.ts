import { clientCopyOf } from '../../../shared/client-copy.js';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/index.js';
import { readIntake } from '../../db/stored.js';
import type { Auth } from '../../http/auth.js';
import { formatDayHeading, hourStyleOf, practiceClock, zoneNote } from '../../local-time.js';
import type { Handout } from '../../pdf/handout.js';
import { appointmentLabel, nextAppointmentOf } from '../appointments/appointments.service.js';
import { issueClientLink, qrPng } from '../clients/client-link.js';
import { findVisibleClient } from '../clients/clients.repository.js';
import type { HandoutContent } from './handout-cache.js';
import { activeHomework, presentHomework } from './homework.repository.js';

interface HandoutOptions {
  db: Db;
  clock: Clock;
  config: Config;
  auth: Auth;
  clientId: string;
}

type ForClient = { clientEmail: string | null; clientId: string; unsubscribed: boolean };

/** Everything a handout or a homework mail shows for one client, with a fresh link to their page. */
export async function handoutFor(o: HandoutOptions): Promise<Handout & ForClient> {
  const content = await handoutContent(o);
  const clientUrl = await linkFor(o, content.clientId);
  return { ...content, clientUrl, qrPng: await qrPng(clientUrl) };
}

/** A fresh link to the client's page, as printed on a handout or sent in a mail. */
export const linkFor = (o: HandoutOptions, clientId: string) =>
  issueClientLink(o.db, o.clock, { practiceId: o.auth.practiceId, clientId, publicUrl: o.config.publicUrl });

/** What a handout shows for one client, less the link to their page (which is issued per handout). */
export async function handoutContent(o: HandoutOptions): Promise<HandoutContent & ForClient> {
  const client = await findVisibleClient(o.db, o.auth, o.clientId);
  const practice = await o.db.selectFrom('practices').selectAll().where('id', '=', o.auth.practiceId).executeTakeFirstOrThrow();
  const therapist = await o.db
    .selectFrom('members')
    .select(['name', 'email'])
    .where('id', '=', client.therapist_id ?? o.auth.member?.id ?? '')
    .where('practice_id', '=', o.auth.practiceId)
    .executeTakeFirst();
  const homework = await presentHomework(o.db, await activeHomework(o.db, client.id));
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
    nextAppointment: next ? appointmentLabel(next, hourStyleOf(practice)) + zoneNote(next.timezone, client.timezone) : null,
    paperSize: practice.paper_size,
  };
}
