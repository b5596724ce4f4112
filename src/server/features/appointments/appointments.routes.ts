import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  appointmentBody,
  appointmentPatch,
  appointmentQuery,
  appointmentSchema,
  calendarAppointmentSchema,
} from '../../../shared/api/appointments.js';
import { importedEventSchema } from '../../../shared/api/calendar-subscriptions.js';
import { errorSchema, idParams } from '../../../shared/api/common.js';
import { homeworkReportBody } from '../../../shared/api/portal.js';
import type { AppointmentTable } from '../../db/schema.js';
import type { AppDeps } from '../../deps.js';
import { type Auth, authOf } from '../../http/auth.js';
import { instantRange } from '../../range.js';
import { importedEventsBetween } from '../calendar-import/imported-events.repository.js';
import { adherenceOf } from '../clients/adherence.repository.js';
import { linkOpener } from '../clients/client-link.repository.js';
import { audit, visibleClients } from '../clients/clients.repository.js';
import { findVisibleAppointment, reportHomework } from './appointments.repository.js';
import {
  checkOverlap,
  newAppointment,
  practiceFor,
  presentAppointment,
  queueCalendarMail,
  scheduleAppointmentReminder,
  therapistOf,
} from './appointments.service.js';
import { type Booking, bookAppointment } from './book.js';
import { checkoutRoutes } from './checkout.routes.js';
import { lapsedClients } from './lapsed.js';
import { workingHoursRoutes } from './working-hours.routes.js';

const errors = { 400: errorSchema, 404: errorSchema, 409: errorSchema };

export function appointmentsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const openLink = linkOpener(deps);
  const { db, clock, storage } = deps;
  const book = (auth: Auth, clientId: string, body: Booking) => bookAppointment(deps, auth, clientId, body);

  return async (app) => {
    await app.register(checkoutRoutes(deps, book));
    await app.register(workingHoursRoutes(deps));

    app.post(
      '/clients/:id/appointments',
      {
        schema: {
          tags: ['appointments'],
          summary: 'Book an appointment (sessionId marks it as booked at that checkout); the client gets an .ics invite',
          params: idParams,
          body: appointmentBody,
          response: { 201: appointmentSchema, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await book(authOf(req), req.params.id, req.body)),
    );

    app.get(
      '/appointments',
      {
        schema: {
          tags: ['appointments'],
          summary:
            'Appointments between from and to (days in the practice’s zone, `to` included, or date-times), with events from subscribed calendars (`source: "imported"`); a therapist sees their own',
          querystring: appointmentQuery,
          response: {
            200: z.object({
              appointments: z.array(z.union([calendarAppointmentSchema, importedEventSchema])),
            }),
            400: errorSchema,
          },
        },
      },
      async (req) => {
        const auth = authOf(req);
        const { from, to } = instantRange(req.query, (await practiceFor(db, auth.practiceId)).timezone);
        let q = visibleClients(db.selectFrom('clients'), auth)
          .innerJoin('appointments as a', 'a.client_id', 'clients.id')
          .selectAll('a')
          .select(['clients.first_name', 'clients.last_name', 'clients.timezone as client_timezone'])
          .where('a.starts_at', '<', to)
          .where('a.ends_at', '>', from);
        if (req.query.therapistId) q = q.where('a.therapist_id', '=', req.query.therapistId);
        if (req.query.clientId) q = q.where('a.client_id', '=', req.query.clientId);
        const rows = await q.orderBy('a.starts_at').limit(2000).execute();
        const adherence = await adherenceOf(db, {
          practiceId: auth.practiceId,
          clients: rows.map((r) => ({ id: r.client_id, timezone: r.client_timezone })),
          now: clock.now(),
        });
        const own = rows.map((r) => ({
          ...presentAppointment(r, `${r.first_name} ${r.last_name}`.trim()),
          source: 'carryover' as const,
          adherence: adherence.get(r.client_id) ?? null,
        }));
        // Events from the therapist's own booking calendar, read-only, in the same list.
        const imported = await importedEventsBetween(db, auth, {
          from,
          to,
          therapistId: req.query.therapistId,
          clientId: req.query.clientId,
        });
        return { appointments: [...own, ...imported].sort((x, y) => Date.parse(x.startsAt) - Date.parse(y.startsAt)) };
      },
    );

    app.get(
      '/clients/lapsed',
      {
        schema: {
          tags: ['appointments'],
          summary: 'Clients with no visit for the practice’s lapse weeks and nothing booked',
          response: {
            200: z.object({
              clients: z.array(
                z.object({ id: z.string(), name: z.string(), lastVisit: z.string().nullable(), comeBackMailedAt: z.string().nullable() }),
              ),
            }),
          },
        },
      },
      async (req) => {
        const auth = authOf(req);
        const rows = await lapsedClients(db, auth.practiceId, clock.now(), auth.member?.role === 'therapist' ? auth.member.id : undefined);
        return {
          clients: rows.map((r) => ({
            id: r.id,
            name: `${r.first_name} ${r.last_name}`.trim(),
            lastVisit: r.lastVisit,
            comeBackMailedAt: r.lapse_mailed_at,
          })),
        };
      },
    );

    app.post(
      '/portal/:token/homework-report',
      {
        config: { public: true, rateLimit: { max: 20, timeWindow: '1 hour' } },
        schema: {
          tags: ['client page'],
          summary: 'The one-tap answer from the day-before mail: how the homework went, kept on the next appointment',
          params: z.object({ token: z.string().min(20).max(100) }),
          body: homeworkReportBody,
          response: { 200: z.object({ ok: z.literal(true), appointment: z.string().nullable() }), 400: errorSchema, 404: errorSchema },
        },
      },
      async (req) => {
        const client = await openLink(req.ip, req.params.token);
        return { ok: true as const, appointment: await reportHomework({ db, clock }, client.id, req.body.went) };
      },
    );

    app.patch(
      '/appointments/:id',
      {
        schema: {
          tags: ['appointments'],
          summary: 'Move, change length, cancel, or mark done / no-show; moves and cancellations update the client’s calendar',
          params: idParams,
          body: appointmentPatch,
          response: { 200: appointmentSchema, ...errors },
        },
      },
      async (req) => {
        const auth = authOf(req);
        const { a, client } = await findVisibleAppointment(db, auth, req.params.id);
        const b = req.body;
        const moved = b.startsAt !== undefined || b.durationMinutes !== undefined;
        const cancelled = b.status === 'cancelled' && a.status !== 'cancelled';
        const now = clock.now().toISOString();
        let next: AppointmentTable = { ...a, status: b.status ?? a.status, updated_at: now };
        if (moved) {
          const fresh = newAppointment({
            ...a,
            practiceId: a.practice_id,
            clientId: a.client_id,
            therapistId: a.therapist_id,
            startsAt: b.startsAt ?? a.starts_at,
            durationMinutes: b.durationMinutes ?? a.duration_minutes,
            now,
          });
          next = { ...next, starts_at: fresh.starts_at, ends_at: fresh.ends_at, duration_minutes: fresh.duration_minutes };
          await checkOverlap(db, {
            practiceId: a.practice_id,
            therapistId: a.therapist_id,
            startsAt: next.starts_at,
            endsAt: next.ends_at,
            ignoreId: a.id,
            confirmed: b.confirmOverlap,
          });
        }
        if (moved || cancelled) next.sequence = a.sequence + 1;
        const practice = await practiceFor(db, auth.practiceId);
        const therapist = await therapistOf(db, a.therapist_id);
        await db.transaction().execute(async (trx) => {
          const { id, practice_id, client_id, created_at, ...changes } = next;
          await trx.updateTable('appointments').set(changes).where('id', '=', id).execute();
          if (cancelled) await queueCalendarMail({ trx, clock, storage, appointment: next, client, practice, therapist, kind: 'cancel' });
          else if (moved && next.status === 'booked') {
            await queueCalendarMail({ trx, clock, storage, appointment: next, client, practice, therapist, kind: 'update' });
            await scheduleAppointmentReminder(trx, clock, next);
          }
          await audit(
            trx,
            auth,
            {
              practiceId: auth.practiceId,
              clientId: client.id,
              action: cancelled ? 'cancelled an appointment' : moved ? 'moved an appointment' : `marked an appointment ${next.status}`,
            },
            now,
          );
        });
        return presentAppointment(next, `${client.first_name} ${client.last_name}`.trim());
      },
    );
  };
}
