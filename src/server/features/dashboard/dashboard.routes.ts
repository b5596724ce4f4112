import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorSchema } from '../../../shared/api/common.js';
import { summaryQuery, summarySchema } from '../../../shared/api/reports.js';
import type { AppDeps } from '../../deps.js';
import { authOf } from '../../http/auth.js';
import { AppError } from '../../http/errors.js';
import { localDay } from '../../local-time.js';
import { dayRange } from '../../range.js';
import { checkTherapistOfPractice } from '../members/members.repository.js';
import { practiceSummary } from './summary.js';

export function dashboardRoutes({ db, clock }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/reports/summary',
      {
        schema: {
          tags: ['reports'],
          summary:
            'The dashboard figures for a period (dates inclusive, in the practice’s time zone), for the practice or one therapist; every figure’s definition is in `definitions`',
          querystring: summaryQuery,
          response: { 200: summarySchema, 400: errorSchema },
        },
      },
      async (req) => {
        const auth = authOf(req);
        const practice = await db.selectFrom('practices').select('timezone').where('id', '=', auth.practiceId).executeTakeFirstOrThrow();
        // Days or date-times: either way the figures are for whole local days.
        const { from, to } = dayRange(req.query, practice.timezone);
        if (from < '2000-01-01' || to > '2100-01-01')
          throw new AppError(400, 'invalid', 'Choose dates between 2000 and 2100.', { from: 'Out of range' });
        // A therapist sees their own figures; the owner chooses.
        const therapistId = auth.member?.role === 'therapist' ? auth.member.id : req.query.therapistId;
        await checkTherapistOfPractice(db, auth.practiceId, therapistId);
        return practiceSummary(db, { practiceId: auth.practiceId, therapistId, from, to, today: localDay(clock.now(), practice.timezone) });
      },
    );
  };
}
