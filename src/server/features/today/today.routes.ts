import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorSchema } from '../../../shared/api/common.js';
import { todayQuery, todaySchema } from '../../../shared/api/today.js';
import type { AppDeps } from '../../deps.js';
import { authOf } from '../../http/auth.js';
import { AppError } from '../../http/errors.js';
import { checkTherapistOfPractice } from '../members/members.repository.js';
import { dayOf } from './today.repository.js';

export function todayRoutes({ db, clock }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/today',
      {
        schema: {
          tags: ['appointments'],
          summary:
            'The therapist’s day (a date in the practice’s time zone, today by default): appointments in order with cautions, complaints, how the homework went over the last 14 days and open questions. A therapist sees their own day; the owner everyone’s, or one therapist’s',
          querystring: todayQuery,
          response: { 200: todaySchema, 400: errorSchema },
        },
      },
      async (req) => {
        const auth = authOf(req);
        const { date } = req.query;
        if (date && (date < '2000-01-01' || date > '2100-01-01'))
          throw new AppError(400, 'invalid', 'Choose a date between 2000 and 2100.', { date: 'Out of range' });
        // A therapist's day is their own, whatever they ask for.
        const therapistId = auth.member?.role === 'therapist' ? undefined : req.query.therapistId;
        await checkTherapistOfPractice(db, auth.practiceId, therapistId);
        return dayOf(db, auth, { date, therapistId, now: clock.now() });
      },
    );
  };
}
