import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { checklistSchema } from '../../../shared/api/checklist.js';
import { errorSchema } from '../../../shared/api/common.js';
import type { AppDeps } from '../../deps.js';
import { authOf } from '../../http/auth.js';
import { practiceChecklist } from './checklist.service.js';

export function checklistRoutes({ db, clock }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/practice/checklist',
      {
        schema: {
          tags: ['practice'],
          summary: 'First steps for a new practice: what is done and where to do the rest',
          response: { 200: checklistSchema, 401: errorSchema },
        },
      },
      async (req) => practiceChecklist(db, authOf(req)),
    );

    app.post(
      '/practice/checklist/dismiss',
      {
        config: { ownerOnly: true },
        schema: {
          tags: ['practice'],
          summary: 'Hide the first-steps checklist for the whole practice (owner)',
          response: { 200: checklistSchema, 401: errorSchema, 403: errorSchema },
        },
      },
      async (req) => {
        const auth = authOf(req);
        await db
          .updateTable('practices')
          .set({ checklist_dismissed_at: clock.now().toISOString() })
          .where('id', '=', auth.practiceId)
          .where('checklist_dismissed_at', 'is', null)
          .execute();
        return practiceChecklist(db, auth);
      },
    );
  };
}
