import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Updateable } from 'kysely';
import { errorSchema } from '../../../shared/api/common.js';
import { practicePatch, practiceSchema } from '../../../shared/api/practice.js';
import type { PracticeTable } from '../../db/schema.js';
import type { AppDeps } from '../../deps.js';
import { authOf } from '../../http/auth.js';
import { invalid } from '../../http/errors.js';
import { hasTwoFactor } from '../auth/two-factor.js';
import { presentPractice } from '../presenters.js';

const columns: Record<string, keyof PracticeTable> = {
  name: 'name',
  timezone: 'timezone',
  timeFormat: 'time_format',
  paperSize: 'paper_size',
  homeworkCap: 'homework_cap',
  senderName: 'sender_name',
  replyTo: 'reply_to',
  lapseWeeks: 'lapse_weeks',
  rebookIntervalDays: 'rebook_interval_days',
  defaultDurationMinutes: 'default_duration_minutes',
  reminderDefault: 'reminder_default',
};

export function practiceRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  const load = (id: string) => db.selectFrom('practices').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return async (app) => {
    app.get(
      '/practice',
      { schema: { tags: ['practice'], summary: 'Practice settings', response: { 200: practiceSchema, 401: errorSchema } } },
      async (req) => presentPractice(await load(authOf(req).practiceId)),
    );

    app.patch(
      '/practice',
      {
        config: { ownerOnly: true },
        schema: {
          tags: ['practice'],
          summary: 'Change practice settings (owner)',
          body: practicePatch,
          response: { 200: practiceSchema, 400: errorSchema, 403: errorSchema },
        },
      },
      async (req) => {
        const practiceId = authOf(req).practiceId;
        const changes: Updateable<PracticeTable> = {};
        const { requireTwoFactor, ...rest } = req.body;
        for (const [field, value] of Object.entries(rest)) {
          if (value !== undefined) (changes as Record<string, unknown>)[columns[field]] = value;
        }
        if (requireTwoFactor !== undefined) {
          const member = authOf(req).member;
          // The owner turns it on for themselves first, so requiring it can never lock them out.
          if (requireTwoFactor && member && !(await hasTwoFactor(db, member.id))) {
            throw invalid({ requireTwoFactor: 'Turn on two-step sign-in for your own account first.' });
          }
          changes.require_two_factor = requireTwoFactor ? 1 : 0;
        }
        if (Object.keys(changes).length) await db.updateTable('practices').set(changes).where('id', '=', practiceId).execute();
        return presentPractice(await load(practiceId));
      },
    );
  };
}
