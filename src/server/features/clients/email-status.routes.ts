import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorSchema, idParams } from '../../../shared/api/common.js';
import { emailStatusSchema } from '../../../shared/api/email-consent.js';
import type { AppDeps } from '../../deps.js';
import { authOf } from '../../http/auth.js';
import { findVisibleClient } from './clients.repository.js';
import { emailStatusOf } from './email-consent.js';
import { latestMailNotSent } from './mail-not-sent.repository.js';

export function emailStatusRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/clients/:id/email-status',
      {
        schema: {
          tags: ['clients'],
          summary:
            'Which emails Carryover sends this client (homework, reminders, come-back) and, if not, why; the latest mail that did not go',
          params: idParams,
          response: { 200: emailStatusSchema, 404: errorSchema },
        },
      },
      async (req) => {
        const auth = authOf(req);
        const client = await findVisibleClient(db, auth, req.params.id);
        const practice = await db
          .selectFrom('practices')
          .select('reminder_default')
          .where('id', '=', auth.practiceId)
          .executeTakeFirstOrThrow();
        return { ...emailStatusOf(client, practice.reminder_default), notSent: await latestMailNotSent(db, client.id) };
      },
    );
  };
}
