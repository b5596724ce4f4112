import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorSchema, idParams } from '../../../shared/api/common.js';
import { workingHoursBody, workingHoursSchema } from '../../../shared/api/working-hours.js';
import type { AppDeps } from '../../deps.js';
import { type Auth, authOf } from '../../http/auth.js';
import { notFound } from '../../http/errors.js';
import { practiceFor } from './appointments.service.js';
import { presentWorkingHours, saveWorkingWeek, workingWeekOf } from './working-hours.js';

/** Each therapist's working week and days off: the owner (or an API key) for anyone, a therapist for themself. */
export function workingHoursRoutes({ db, clock }: AppDeps): FastifyPluginAsyncZod {
  async function memberFor(auth: Auth, id: string) {
    if (auth.member?.role === 'therapist' && auth.member.id !== id) throw notFound('That team member');
    const m = await db
      .selectFrom('members')
      .select('id')
      .where('id', '=', id)
      .where('practice_id', '=', auth.practiceId)
      .executeTakeFirst();
    if (!m) throw notFound('That team member');
    return m.id;
  }

  return async (app) => {
    app.get(
      '/members/:id/working-hours',
      {
        schema: {
          tags: ['team'],
          summary: 'A therapist’s working week (wall-clock times in the practice’s zone, several ranges a day for breaks) and days off',
          params: idParams,
          response: { 200: workingHoursSchema, 404: errorSchema },
        },
      },
      async (req) => {
        const auth = authOf(req);
        const memberId = await memberFor(auth, req.params.id);
        const practice = await practiceFor(db, auth.practiceId);
        return presentWorkingHours(memberId, practice.timezone, await workingWeekOf(db, { practiceId: auth.practiceId, memberId }));
      },
    );

    app.put(
      '/members/:id/working-hours',
      {
        schema: {
          tags: ['team'],
          summary:
            'Replace a therapist’s working week and days off; overlapping ranges or a range ending before it starts: 400 naming the day',
          params: idParams,
          body: workingHoursBody,
          response: { 200: workingHoursSchema, 400: errorSchema, 404: errorSchema },
        },
      },
      async (req) => {
        const auth = authOf(req);
        const memberId = await memberFor(auth, req.params.id);
        const practice = await practiceFor(db, auth.practiceId);
        await saveWorkingWeek(db, {
          practiceId: auth.practiceId,
          memberId,
          weekly: req.body.weekly,
          daysOff: req.body.daysOff,
          now: clock.now().toISOString(),
        });
        return presentWorkingHours(memberId, practice.timezone, await workingWeekOf(db, { practiceId: auth.practiceId, memberId }));
      },
    );
  };
}
