import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, idParams } from '../../../shared/api/common.js';
import { goalBody, goalPatch, goalSchema, progressEntryBody } from '../../../shared/api/goals.js';
import type { GoalTable } from '../../db/schema.js';
import type { AppDeps } from '../../deps.js';
import { type Auth, authOf } from '../../http/auth.js';
import { AppError, notFound } from '../../http/errors.js';
import { linkOpener } from '../clients/client-link.repository.js';
import { audit, findVisibleClient } from '../clients/clients.repository.js';
import { goalsOf } from './goals.repository.js';
import { logClientProgress, logProgress } from './goals.service.js';

export function goalsRoutes({ db, clock }: AppDeps): FastifyPluginAsyncZod {
  const openLink = linkOpener({ db });
  async function visibleGoal(auth: Auth, id: string): Promise<GoalTable> {
    const g = await db.selectFrom('goals').selectAll().where('id', '=', id).where('practice_id', '=', auth.practiceId).executeTakeFirst();
    if (!g) throw notFound('That goal');
    await findVisibleClient(db, auth, g.client_id).catch(() => {
      throw notFound('That goal');
    });
    return g;
  }
  const checkDate = (d: string | null | undefined) => {
    if (d && (Number.isNaN(Date.parse(d)) || new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) !== d))
      throw new AppError(400, 'invalid', 'That is not a real date.', { targetDate: 'Not a real date' });
  };

  return async (app) => {
    app.get(
      '/clients/:id/goals',
      {
        schema: {
          tags: ['goals'],
          summary: "A client's goals and progress",
          params: idParams,
          response: { 200: z.object({ goals: z.array(goalSchema) }), 404: errorSchema },
        },
      },
      async (req) => {
        const auth = authOf(req);
        const client = await findVisibleClient(db, auth, req.params.id);
        await audit(db, auth, { practiceId: auth.practiceId, clientId: client.id, action: 'read goals' }, clock.now().toISOString());
        return { goals: await goalsOf(db, client.id) };
      },
    );

    app.post(
      '/clients/:id/goals',
      {
        schema: {
          tags: ['goals'],
          summary: 'Set a goal in the client’s words, with an optional measure',
          params: idParams,
          body: goalBody,
          response: { 201: goalSchema, 400: errorSchema, 404: errorSchema },
        },
      },
      async (req, reply) => {
        const auth = authOf(req);
        const client = await findVisibleClient(db, auth, req.params.id);
        checkDate(req.body.targetDate);
        const row: GoalTable = {
          id: randomUUID(),
          practice_id: auth.practiceId,
          client_id: client.id,
          statement: req.body.statement,
          unit: req.body.unit ?? null,
          baseline: req.body.baseline ?? null,
          target: req.body.target ?? null,
          target_date: req.body.targetDate ?? null,
          achieved_at: null,
          created_at: clock.now().toISOString(),
        };
        await db.transaction().execute(async (trx) => {
          await trx.insertInto('goals').values(row).execute();
          await audit(trx, auth, { practiceId: auth.practiceId, clientId: client.id, action: 'set a goal' }, row.created_at);
        });
        return reply.code(201).send((await goalsOf(db, client.id)).find((g) => g.id === row.id)!);
      },
    );

    app.patch(
      '/goals/:id',
      {
        schema: {
          tags: ['goals'],
          summary: 'Change a goal or mark it achieved',
          params: idParams,
          body: goalPatch,
          response: { 200: goalSchema, 400: errorSchema, 404: errorSchema },
        },
      },
      async (req) => {
        const auth = authOf(req);
        const g = await visibleGoal(auth, req.params.id);
        const b = req.body;
        checkDate(b.targetDate);
        await db
          .updateTable('goals')
          .set({
            statement: b.statement ?? g.statement,
            unit: b.unit === undefined ? g.unit : b.unit,
            baseline: b.baseline === undefined ? g.baseline : b.baseline,
            target: b.target === undefined ? g.target : b.target,
            target_date: b.targetDate === undefined ? g.target_date : b.targetDate,
            achieved_at: b.achieved === undefined ? g.achieved_at : b.achieved ? (g.achieved_at ?? clock.now().toISOString()) : null,
          })
          .where('id', '=', g.id)
          .execute();
        return (await goalsOf(db, g.client_id)).find((x) => x.id === g.id)!;
      },
    );

    app.post(
      '/goals/:id/progress',
      {
        schema: {
          tags: ['goals'],
          summary: 'Log progress (therapist, at a session)',
          params: idParams,
          body: progressEntryBody,
          response: { 201: goalSchema, 400: errorSchema, 404: errorSchema },
        },
      },
      async (req, reply) => {
        const g = await visibleGoal(authOf(req), req.params.id);
        return reply.code(201).send(await logProgress({ db, clock }, g, req.body, 'therapist'));
      },
    );

    app.post(
      '/portal/:token/goals/:id/progress',
      {
        config: { public: true, rateLimit: { max: 30, timeWindow: '1 hour' } },
        schema: {
          tags: ['client page'],
          summary: 'The client logs progress on one of their goals',
          params: z.object({ token: z.string().min(20).max(100), id: z.string().uuid() }),
          body: progressEntryBody,
          response: { 201: goalSchema, 400: errorSchema, 404: errorSchema },
        },
      },
      async (req, reply) => {
        const client = await openLink(req.ip, req.params.token);
        return reply.code(201).send(await logClientProgress({ db, clock }, client.id, req.params.id, req.body));
      },
    );
  };
}
