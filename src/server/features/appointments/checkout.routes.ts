import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { appointmentSchema, checkoutBody, rebookSuggestion } from '../../../shared/api/appointments.js';
import { errorSchema, idParams } from '../../../shared/api/common.js';
import type { AppDeps } from '../../deps.js';
import { authOf } from '../../http/auth.js';
import { audit } from '../clients/clients.repository.js';
import { findVisibleSession } from '../clients/sessions.routes.js';
import { appointmentLabel, practiceFor } from './appointments.service.js';

/**
 * Checkout: book the next visit in two taps, or record why not. The suggestion keeps the
 * client's usual wall-clock time and their own rhythm (the gap between their last two visits),
 * falling back to the practice's interval.
 */
export function checkoutRoutes(
  deps: AppDeps,
  book: (
    auth: ReturnType<typeof authOf>,
    clientId: string,
    body: { startsAt: string; durationMinutes?: number; sessionId?: string; confirmOverlap?: boolean },
  ) => Promise<z.infer<typeof appointmentSchema>>,
): FastifyPluginAsyncZod {
  const { db, clock } = deps;
  return async (app) => {
    app.get(
      '/sessions/:id/rebook-suggestion',
      {
        schema: {
          tags: ['appointments'],
          summary: 'When to book next: same time of day, after the client’s usual interval',
          params: idParams,
          response: { 200: rebookSuggestion, 404: errorSchema },
        },
      },
      async (req) => {
        const auth = authOf(req);
        const session = await findVisibleSession(db, auth, req.params.id);
        const practice = await practiceFor(db, auth.practiceId);
        const visits = await db
          .selectFrom('appointments')
          .select(['starts_at', 'timezone', 'duration_minutes'])
          .where('client_id', '=', session.client_id)
          .where('status', 'in', ['booked', 'done'])
          .where('starts_at', '<=', `${session.date}T23:59:59.999Z`)
          .orderBy('starts_at', 'desc')
          .limit(2)
          .execute();
        const zone = visits[0]?.timezone ?? practice.timezone;
        const gap =
          visits.length === 2
            ? Math.round(DateTime.fromISO(visits[0].starts_at).diff(DateTime.fromISO(visits[1].starts_at), 'days').days)
            : 0;
        const intervalDays = gap >= 7 && gap <= 120 ? gap : practice.rebook_interval_days;
        const usual = visits[0] ? DateTime.fromISO(visits[0].starts_at, { zone }) : DateTime.fromObject({ hour: 10 }, { zone });
        let startsAt = DateTime.fromISO(session.date, { zone })
          .set({ hour: usual.hour, minute: usual.minute })
          .plus({ days: intervalDays });
        const today = DateTime.fromJSDate(clock.now(), { zone });
        while (startsAt < today) startsAt = startsAt.plus({ days: intervalDays });
        const durationMinutes = visits[0]?.duration_minutes ?? practice.default_duration_minutes;
        return {
          startsAt: startsAt.toISO()!,
          durationMinutes,
          intervalDays,
          label: appointmentLabel({ starts_at: startsAt.toUTC().toISO()!, timezone: zone }),
        };
      },
    );

    app.post(
      '/sessions/:id/checkout',
      {
        schema: {
          tags: ['appointments'],
          summary:
            'Record whether the client rebooked before leaving: with a time it books (and mails the .ics), without it records why not',
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
        if (req.body.rebooked) {
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
