import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appointmentSchema, checkoutBody, rebookSuggestion } from '../../../shared/api/appointments.js';
import { errorSchema, idParams } from '../../../shared/api/common.js';
import type { SessionRecordTable } from '../../db/schema.js';
import type { AppDeps } from '../../deps.js';
import { type Auth, authOf } from '../../http/auth.js';
import { invalid, notFound } from '../../http/errors.js';
import { audit } from '../clients/clients.repository.js';
import { findVisibleSession } from '../clients/sessions.repository.js';
import { presentAppointment } from './appointments.service.js';
import { suggestRebooking } from './rebook-suggestion.js';

/** Checkout: book the next visit in one tap from free slots (rebook-suggestion.ts), or record why not. */
export function checkoutRoutes(
  deps: AppDeps,
  book: (
    auth: ReturnType<typeof authOf>,
    clientId: string,
    body: { startsAt: string; durationMinutes?: number; sessionId?: string; confirmOverlap?: boolean },
  ) => Promise<z.infer<typeof appointmentSchema>>,
): FastifyPluginAsyncZod {
  const { db, clock } = deps;

  /** The client already has their next visit: keeping it (or having just moved it) counts as rebooked before leaving. */
  async function keepNextVisit(auth: Auth, session: SessionRecordTable, appointmentId: string) {
    const a = await db
      .selectFrom('appointments')
      .selectAll()
      .where('id', '=', appointmentId)
      .where('practice_id', '=', auth.practiceId)
      .where('client_id', '=', session.client_id)
      .where('status', '=', 'booked')
      .where('starts_at', '>', clock.now().toISOString())
      .executeTakeFirst();
    if (!a) throw notFound('That appointment');
    const client = await db
      .selectFrom('clients')
      .select(['first_name', 'last_name'])
      .where('id', '=', a.client_id)
      .executeTakeFirstOrThrow();
    const now = clock.now().toISOString();
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('session_records')
        .set({ rebooked: 1, not_rebooked_reason: null, not_rebooked_note: null, updated_at: now })
        .where('id', '=', session.id)
        .execute();
      await audit(trx, auth, { practiceId: auth.practiceId, clientId: session.client_id, action: 'kept the next appointment' }, now);
    });
    return presentAppointment(a, `${client.first_name} ${client.last_name}`.trim());
  }

  return async (app) => {
    app.get(
      '/sessions/:id/rebook-suggestion',
      {
        schema: {
          tags: ['appointments'],
          summary:
            'When to book next: up to three free slots in working hours, near the client’s usual day and time after their interval; and the visit already booked ahead',
          params: idParams,
          response: { 200: rebookSuggestion, 404: errorSchema },
        },
      },
      async (req) => suggestRebooking({ db, clock, auth: authOf(req), sessionId: req.params.id }),
    );

    app.post(
      '/sessions/:id/checkout',
      {
        schema: {
          tags: ['appointments'],
          summary:
            'Record whether the client rebooked before leaving: with a time it books (the .ics rides with the homework mail, or goes alone), with keepAppointmentId it keeps the visit already booked, without either it records why not',
          params: idParams,
          body: checkoutBody,
          response: {
            200: z.object({ rebooked: z.boolean(), appointment: appointmentSchema.nullable() }),
            400: errorSchema,
            404: errorSchema,
            409: errorSchema,
          },
        },
      },
      async (req) => {
        const auth = authOf(req);
        const session = await findVisibleSession(db, auth, req.params.id);
        if (req.body.rebooked && req.body.keepAppointmentId)
          return { rebooked: true, appointment: await keepNextVisit(auth, session, req.body.keepAppointmentId) };
        if (req.body.rebooked) {
          if (!req.body.startsAt) throw invalid({ startsAt: 'Choose a time, or keep the visit already booked' });
          const appointment = await book(auth, session.client_id, {
            startsAt: req.body.startsAt,
            durationMinutes: req.body.durationMinutes,
            sessionId: session.id,
            confirmOverlap: req.body.confirmOverlap,
          });
          return { rebooked: true, appointment };
        }
        const now = clock.now().toISOString();
        await db.transaction().execute(async (trx) => {
          await trx
            .updateTable('session_records')
            .set({
              rebooked: 0,
              not_rebooked_reason: (req.body as { reason: string }).reason,
              not_rebooked_note: (req.body as { note?: string }).note ?? null,
              updated_at: now,
            })
            .where('id', '=', session.id)
            .execute();
          await audit(trx, auth, { practiceId: auth.practiceId, clientId: session.client_id, action: 'recorded no rebooking' }, now);
        });
        return { rebooked: false, appointment: null };
      },
    );
  };
}
