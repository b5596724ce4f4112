import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { portalRequestBody, referralRequestBody } from '../../../shared/api/referrals.js';
import type { Db } from '../../db/index.js';
import type { BookingRequestTable } from '../../db/schema.js';
import type { AppDeps } from '../../deps.js';
import { queueEmail } from '../../email/outbox.js';
import { fromCarryover } from '../../email/sender.js';
import { AppError } from '../../http/errors.js';
import type { LinkedClient } from '../clients/client-link.repository.js';
import { bookingAskedEmail } from './referrals.emails.js';

/*
 * Booking requests, shared by the JSON API (/api/v1/referrals/..., /api/v1/portal/:token/booking-requests)
 * and the server-rendered pages (/r/:code, /c/:token), so both write exactly the same way.
 */

type Deps = Pick<AppDeps, 'db' | 'clock' | 'config'>;

/** "k7mq2xpa" and "K7MQ-2XPA" are the same code. */
export const normalCode = (code: string) => code.replace('-', '').replace(/^(.{4})/, '$1-');

/** The client who shared a code, with their practice; 404 when no active client has it. */
export async function referrerByCode(db: Db, code: string) {
  const r = await db
    .selectFrom('clients as c')
    .innerJoin('practices as p', 'p.id', 'c.practice_id')
    .select(['c.id', 'c.first_name', 'c.practice_id', 'c.therapist_id', 'p.name as practiceName', 'p.timezone as practiceTimezone'])
    .where('c.referral_code', '=', normalCode(code.trim().toUpperCase()))
    .where('c.archived_at', 'is', null)
    .executeTakeFirst();
  if (!r) throw new AppError(404, 'unknown_code', 'That code does not match anyone. Check it with the friend who gave it to you.');
  return r;
}

/** Mails the client's therapist (or the owner) that someone asked for an appointment. */
async function tellTherapist(
  { clock, config }: Deps,
  trx: Db,
  practiceId: string,
  therapistId: string | null,
  who: string,
  clientId: string | null = null,
) {
  const t = await trx
    .selectFrom('members')
    .select(['email', 'name'])
    .where('id', '=', therapistId ?? '')
    .executeTakeFirst();
  const owner =
    t ??
    (await trx
      .selectFrom('members')
      .select(['email', 'name'])
      .where('practice_id', '=', practiceId)
      .where('role', '=', 'owner')
      .executeTakeFirst());
  if (!owner) return;
  await queueEmail(trx, clock, {
    practiceId,
    clientId,
    to: owner.email,
    ...fromCarryover(),
    ...bookingAskedEmail({ therapistName: owner.name, who, url: `${config.publicUrl}/calendar` }),
  });
}

/** A friend asks for a first appointment through a client's share code; the request is credited to that client. */
export async function requestFromFriend(deps: Deps, code: string, body: z.infer<typeof referralRequestBody>) {
  const referrer = await referrerByCode(deps.db, code);
  const row: BookingRequestTable = {
    id: randomUUID(),
    practice_id: referrer.practice_id,
    client_id: null,
    referrer_client_id: referrer.id,
    name: body.name,
    email: body.email,
    phone: body.phone ?? null,
    preferred_times: JSON.stringify(body.preferredTimes),
    message: body.message ?? null,
    status: 'open',
    appointment_id: null,
    proposed_at: null,
    created_at: deps.clock.now().toISOString(),
  };
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('booking_requests').values(row).execute();
    await tellTherapist(
      deps,
      trx,
      referrer.practice_id,
      referrer.therapist_id,
      `${body.name} (a friend of ${referrer.first_name})`,
      referrer.id,
    );
  });
  return { id: row.id };
}

/** A client asks, from their page, for their next appointment. */
export async function requestFromClient(deps: Deps, client: LinkedClient, body: z.infer<typeof portalRequestBody>) {
  const id = randomUUID();
  const name = `${client.first_name} ${client.last_name}`.trim();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('booking_requests')
      .values({
        id,
        practice_id: client.practice_id,
        client_id: client.id,
        referrer_client_id: null,
        name,
        email: client.email ?? '',
        phone: client.phone,
        preferred_times: JSON.stringify(body.preferredTimes),
        message: body.message ?? null,
        status: 'open',
        appointment_id: null,
        proposed_at: null,
        created_at: deps.clock.now().toISOString(),
      })
      .execute();
    await tellTherapist(deps, trx, client.practice_id, client.therapist_id, name, client.id);
  });
  return { id };
}

/** The client's request still waiting for an answer ('open'), or answered with another time by email ('proposed'). */
export async function pendingRequestOf(db: Db, clientId: string) {
  const r = await db
    .selectFrom('booking_requests')
    .select('status')
    .where('client_id', '=', clientId)
    .where('status', 'in', ['open', 'proposed'])
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return r ? (r.status as 'open' | 'proposed') : null;
}
