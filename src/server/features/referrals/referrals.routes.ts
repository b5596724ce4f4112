import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appointmentSchema } from '../../../shared/api/appointments.js';
import { intakeSchema } from '../../../shared/api/clients.js';
import { errorSchema, idParams, okSchema } from '../../../shared/api/common.js';
import {
  bookingRequestSchema,
  confirmBody,
  portalRequestBody,
  proposeBody,
  referralCodeParams,
  referralLanding,
  referralLinkSchema,
  referralReportRow,
  referralRequestBody,
} from '../../../shared/api/referrals.js';
import type { BookingRequestTable } from '../../db/schema.js';
import { readIntake, readOr, readStringList } from '../../db/stored.js';
import type { AppDeps } from '../../deps.js';
import { queueEmail } from '../../email/outbox.js';
import { fromPractice } from '../../email/sender.js';
import { type Auth, authOf } from '../../http/auth.js';
import { AppError, notFound } from '../../http/errors.js';
import { appointmentLabel } from '../appointments/appointments.service.js';
import { bookAppointment } from '../appointments/book.js';
import { linkOpener } from '../clients/client-link.repository.js';
import { audit, clientRow, findVisibleClient, visibleClients, withUniqueReferralCodes } from '../clients/clients.repository.js';
import { otherTimeEmail } from './referrals.emails.js';
import { referrerByCode, requestFromClient, requestFromFriend } from './referrals.service.js';

const tokenParams = z.object({ token: z.string().min(20).max(100) });

/** Share links, booking requests from the client's page or a friend's link, and the referral report. */
export function referralsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const openLink = linkOpener(deps);
  const { db, clock, config } = deps;

  const present = (r: BookingRequestTable, referrerName: string | null) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    phone: r.phone,
    clientId: r.client_id,
    referrerClientId: r.referrer_client_id,
    referrerName,
    preferredTimes: readOr(readStringList, r.preferred_times, () => [], { what: 'preferred times', id: r.id }),
    message: r.message,
    status: r.status,
    appointmentId: r.appointment_id,
    createdAt: r.created_at,
  });

  /** A request the caller may act on: their practice, and for a therapist their own clients or referrers. */
  async function visibleRequest(auth: Auth, id: string) {
    const r = await db
      .selectFrom('booking_requests')
      .selectAll()
      .where('id', '=', id)
      .where('practice_id', '=', auth.practiceId)
      .executeTakeFirst();
    if (!r) throw notFound('That request');
    const owner = r.client_id ?? r.referrer_client_id;
    if (owner && !(await visibleClients(db.selectFrom('clients').select('id'), auth).where('clients.id', '=', owner).executeTakeFirst()))
      throw notFound('That request');
    return r;
  }

  return async (app) => {
    app.get(
      '/clients/:id/referral',
      {
        schema: {
          tags: ['referrals'],
          summary: "The client's share link and code",
          params: idParams,
          response: { 200: referralLinkSchema, 404: errorSchema },
        },
      },
      async (req) => {
        const client = await findVisibleClient(db, authOf(req), req.params.id);
        return { code: client.referral_code!, url: `${config.publicUrl}/r/${client.referral_code}` };
      },
    );

    app.get(
      '/referrals/:code',
      {
        config: { public: true, rateLimit: { max: 30, timeWindow: '10 minutes' } },
        schema: {
          tags: ['referrals'],
          summary: 'Who shared this link (first name only) and where',
          params: referralCodeParams,
          response: { 200: referralLanding, 404: errorSchema },
        },
      },
      async (req) => {
        const r = await referrerByCode(db, req.params.code);
        return { practiceName: r.practiceName, referrerFirstName: r.first_name };
      },
    );

    app.post(
      '/referrals/:code/booking-requests',
      {
        config: { public: true, rateLimit: { max: 5, timeWindow: '1 hour' } },
        schema: {
          tags: ['referrals'],
          summary: 'A friend asks for a first appointment through a share link',
          params: referralCodeParams,
          body: referralRequestBody,
          response: { 201: z.object({ id: z.string() }), 400: errorSchema, 404: errorSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await requestFromFriend(deps, req.params.code, req.body)),
    );

    app.post(
      '/portal/:token/booking-requests',
      {
        config: { public: true, rateLimit: { max: 5, timeWindow: '1 hour' } },
        schema: {
          tags: ['client page'],
          summary: 'The client asks for their next appointment',
          params: tokenParams,
          body: portalRequestBody,
          response: { 201: z.object({ id: z.string() }), 400: errorSchema, 404: errorSchema },
        },
      },
      async (req, reply) => reply.code(201).send(await requestFromClient(deps, await openLink(req.ip, req.params.token), req.body)),
    );

    app.get(
      '/booking-requests',
      {
        schema: {
          tags: ['referrals'],
          summary: 'Appointment requests waiting for an answer (or all)',
          querystring: z.object({ status: z.enum(['open', 'all']).default('open') }),
          response: { 200: z.object({ requests: z.array(bookingRequestSchema) }) },
        },
      },
      async (req) => {
        const auth = authOf(req);
        let q = db
          .selectFrom('booking_requests as r')
          .leftJoin('clients as ref', 'ref.id', 'r.referrer_client_id')
          .selectAll('r')
          .select(['ref.first_name as refFirst', 'ref.last_name as refLast'])
          .where('r.practice_id', '=', auth.practiceId);
        if (req.query.status === 'open') q = q.where('r.status', 'in', ['open', 'proposed']);
        if (auth.member?.role === 'therapist') {
          const mine = visibleClients(db.selectFrom('clients').select('clients.id'), auth);
          q = q.where((eb) => eb.or([eb('r.client_id', 'in', mine), eb('r.referrer_client_id', 'in', mine)]));
        }
        const rows = await q.orderBy('r.created_at', 'desc').limit(200).execute();
        return { requests: rows.map((r) => present(r, r.refFirst ? `${r.refFirst} ${r.refLast ?? ''}`.trim() : null)) };
      },
    );

    app.post(
      '/booking-requests/:id/confirm',
      {
        schema: {
          tags: ['referrals'],
          summary: 'Confirm a time: books it (a friend becomes a client credited to who referred them) and mails the .ics',
          params: idParams,
          body: confirmBody,
          response: {
            200: z.object({ appointment: appointmentSchema, clientId: z.string() }),
            400: errorSchema,
            404: errorSchema,
            409: errorSchema,
          },
        },
      },
      async (req) => {
        const auth = authOf(req);
        const r = await visibleRequest(auth, req.params.id);
        const alreadyConfirmed = () => new AppError(409, 'already_confirmed', 'This request was already confirmed.');
        if (r.status === 'confirmed') throw alreadyConfirmed();
        // The client, the appointment and the request's state change together or not at all. Claiming the
        // request first makes a second confirm wait for this one (PostgreSQL's row lock; SQLite runs one
        // transaction at a time) and then find it confirmed.
        return db.transaction().execute(async (trx) => {
          const claimed = await trx
            .updateTable('booking_requests')
            .set({ status: 'confirmed' })
            .where('id', '=', r.id)
            .where('status', '!=', 'confirmed')
            .executeTakeFirst();
          if (Number(claimed.numUpdatedRows) !== 1) throw alreadyConfirmed();
          let clientId = r.client_id;
          if (!clientId) {
            const existing = await trx
              .selectFrom('clients')
              .select('id')
              .where('practice_id', '=', auth.practiceId)
              .where('email', '=', r.email)
              .executeTakeFirst();
            if (existing) clientId = existing.id;
            else {
              const referrer = await trx
                .selectFrom('clients')
                .select(['therapist_id'])
                .where('id', '=', r.referrer_client_id ?? '')
                .executeTakeFirst();
              const [firstName, ...rest] = r.name.split(/\s+/);
              const row = clientRow(
                auth.practiceId,
                referrer?.therapist_id ?? auth.member?.id ?? null,
                {
                  firstName,
                  lastName: rest.join(' '),
                  email: r.email,
                  phone: r.phone,
                  consentToEmail: true,
                  intake: intakeSchema.parse({ referredByClientId: r.referrer_client_id, referralSource: 'client-referral' }),
                },
                clock.now().toISOString(),
              );
              await withUniqueReferralCodes(trx, [row]);
              await trx.insertInto('clients').values(row).execute();
              await audit(trx, auth, { practiceId: auth.practiceId, clientId: row.id, action: 'added from a referral' }, row.created_at);
              clientId = row.id;
            }
          }
          const appointment = await bookAppointment(
            deps,
            auth,
            clientId,
            { startsAt: req.body.startsAt, durationMinutes: req.body.durationMinutes, confirmOverlap: req.body.confirmOverlap },
            trx,
          );
          await trx
            .updateTable('booking_requests')
            .set({ client_id: clientId, appointment_id: appointment.id })
            .where('id', '=', r.id)
            .execute();
          return { appointment, clientId };
        });
      },
    );

    app.post(
      '/booking-requests/:id/propose',
      {
        schema: {
          tags: ['referrals'],
          summary: 'Suggest another time by email',
          params: idParams,
          body: proposeBody,
          response: { 200: okSchema, 404: errorSchema },
        },
      },
      async (req) => {
        const auth = authOf(req);
        const r = await visibleRequest(auth, req.params.id);
        const practice = await db
          .selectFrom('practices')
          .select(['name', 'sender_name', 'reply_to', 'timezone', 'time_format'])
          .where('id', '=', auth.practiceId)
          .executeTakeFirstOrThrow();
        const when = appointmentLabel(
          { starts_at: new Date(req.body.startsAt).toISOString(), timezone: practice.timezone },
          practice.time_format,
        );
        await db.transaction().execute(async (trx) => {
          await trx
            .updateTable('booking_requests')
            .set({ status: 'proposed', proposed_at: new Date(req.body.startsAt).toISOString() })
            .where('id', '=', r.id)
            .execute();
          await queueEmail(trx, clock, {
            practiceId: auth.practiceId,
            clientId: r.client_id,
            to: r.email,
            ...fromPractice(practice, auth.member?.email),
            ...otherTimeEmail({ firstName: r.name.split(' ')[0], practiceName: practice.name, when, message: req.body.message }),
          });
        });
        return { ok: true as const };
      },
    );

    app.get(
      '/reports/referrals',
      {
        schema: {
          tags: ['referrals'],
          summary: 'Who referred whom, whether they booked, their first visit',
          response: { 200: z.object({ referrals: z.array(referralReportRow) }) },
        },
      },
      async (req) => {
        const auth = authOf(req);
        const clients = await visibleClients(
          db
            .selectFrom('clients')
            .select([
              'clients.id',
              'clients.first_name',
              'clients.last_name',
              'clients.intake',
              'clients.created_at',
              'clients.referral_thanked_at',
            ]),
          auth,
        ).execute();
        const byId = new Map(clients.map((c) => [c.id, c]));
        const referred = clients.map((c) => ({ c, by: readIntake(c.intake).referredByClientId })).filter((x) => x.by && byId.has(x.by));
        const firstVisits = referred.length
          ? await db
              .selectFrom('appointments')
              .select(['client_id', (eb) => eb.fn.min('starts_at').as('first')])
              .where(
                'client_id',
                'in',
                referred.map((x) => x.c.id),
              )
              .where('status', 'in', ['booked', 'done'])
              .groupBy('client_id')
              .execute()
          : [];
        const first = new Map(firstVisits.map((v) => [v.client_id, String(v.first)]));
        return {
          referrals: referred.map(({ c, by }) => {
            const ref = byId.get(by!)!;
            return {
              referrerId: ref.id,
              referrerName: `${ref.first_name} ${ref.last_name}`.trim(),
              referredId: c.id,
              referredName: `${c.first_name} ${c.last_name}`.trim(),
              referredAt: c.created_at,
              booked: first.has(c.id),
              firstVisit: first.get(c.id) ?? null,
              thanked: ref.referral_thanked_at !== null,
            };
          }),
        };
      },
    );

    app.post(
      '/clients/:id/referral-thanks',
      {
        schema: {
          tags: ['referrals'],
          summary: 'Mark that the referrer was thanked',
          params: idParams,
          response: { 200: okSchema, 404: errorSchema },
        },
      },
      async (req) => {
        const auth = authOf(req);
        const client = await findVisibleClient(db, auth, req.params.id);
        await db.updateTable('clients').set({ referral_thanked_at: clock.now().toISOString() }).where('id', '=', client.id).execute();
        return { ok: true as const };
      },
    );
  };
}
