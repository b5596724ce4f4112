import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, idParams, okSchema } from '../../../shared/api/common.js';
import {
  assignBody,
  clientLinkSchema,
  homeworkPatch,
  homeworkSchema,
  progressBody,
  suggestionsResponse,
} from '../../../shared/api/homework.js';
import { doseColumns, readIntake } from '../../db/stored.js';
import type { AppDeps } from '../../deps.js';
import { type Auth, authOf } from '../../http/auth.js';
import { invalid } from '../../http/errors.js';
import { issueClientLink, qrSvg } from '../clients/client-link.js';
import { audit, findVisibleClient } from '../clients/clients.repository.js';
import { findVisibleSession, presentSession } from '../clients/sessions.repository.js';
import { findExercise, practiceCatalogue } from '../library/catalogue.js';
import { assignHomework } from './assign.js';
import { activeHomework, findVisibleHomework, homeworkHistory, presentHomework } from './homework.repository.js';
import { suggestForSession } from './suggest.js';

const errors = { 400: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };

export function homeworkRoutes({ db, clock, config }: AppDeps): FastifyPluginAsyncZod {
  const capOf = async (practiceId: string) =>
    (await db.selectFrom('practices').select('homework_cap').where('id', '=', practiceId).executeTakeFirstOrThrow()).homework_cap;
  const exerciseOrFail = async (practiceId: string, id: string) => {
    const exercise = await findExercise(db, practiceId, id);
    if (!exercise) throw invalid({ exerciseId: 'No such item in your library' }, `There is no item "${id}" in your library.`);
    return exercise;
  };
  // The item a Replace retires: 404 unless the caller may see it, 400 unless it is this client's and active.
  const replaceableOrFail = async (auth: Auth, clientId: string, homeworkId: string) => {
    const row = await findVisibleHomework(db, auth, homeworkId);
    if (row.client_id !== clientId) {
      throw invalid({ replacesHomeworkId: 'Not one of this client’s items' }, 'The item to replace belongs to another client.');
    }
    if (row.status !== 'active') {
      throw invalid({ replacesHomeworkId: 'No longer active' }, 'The item to replace is no longer one of their items.');
    }
  };

  return async (app) => {
    app.get(
      '/sessions/:id/suggestions',
      {
        schema: {
          tags: ['homework'],
          summary: 'Library items ranked for this client and session, with reasons and warnings',
          params: idParams,
          response: { 200: suggestionsResponse, 404: errorSchema },
        },
      },
      async (req) => {
        const auth = authOf(req);
        const session = presentSession(await findVisibleSession(db, auth, req.params.id));
        const client = await findVisibleClient(db, auth, session.clientId);
        const [items, history, active, cap] = await Promise.all([
          practiceCatalogue(db, auth.practiceId),
          homeworkHistory(db, client.id),
          activeHomework(db, client.id),
          capOf(auth.practiceId),
        ]);
        const result = suggestForSession({ items, intake: readIntake(client.intake), session, history });
        return {
          suggestions: result.suggestions.map((s) => ({
            exercise: s.item as never,
            score: s.score,
            reasons: s.reasons,
            warnings: s.warnings,
          })),
          excluded: result.excluded.map((e) => ({ exercise: e.item as never, reason: e.reason })),
          active: active.length,
          cap,
        };
      },
    );

    app.post(
      '/sessions/:id/homework',
      {
        schema: {
          tags: ['homework'],
          summary:
            'Assign an item (409 past the practice’s cap unless replacesHomeworkId retires one in the same step; 422 when a caution excludes it)',
          params: idParams,
          body: assignBody,
          response: { 201: homeworkSchema, ...errors },
        },
      },
      async (req, reply) => {
        const auth = authOf(req);
        const session = await findVisibleSession(db, auth, req.params.id);
        const client = await findVisibleClient(db, auth, session.client_id);
        const exercise = await exerciseOrFail(auth.practiceId, req.body.exerciseId);
        const replaces = req.body.replacesHomeworkId;
        if (replaces) await replaceableOrFail(auth, client.id, replaces);
        const row = await assignHomework({
          db,
          clock,
          auth,
          client,
          sessionId: session.id,
          replacing: replaces ? { id: replaces, as: 'retired' } : undefined,
          exercise,
          dose: req.body.dose,
          note: req.body.note,
          overrideReason: req.body.overrideReason,
          cap: await capOf(auth.practiceId),
        });
        return reply.code(201).send((await presentHomework(db, [row]))[0]);
      },
    );

    app.get(
      '/clients/:id/homework',
      {
        schema: {
          tags: ['homework'],
          summary: "A client's homework: active items, or all with ?status=all",
          params: idParams,
          querystring: z.object({ status: z.enum(['active', 'all']).default('active') }),
          response: { 200: z.object({ homework: z.array(homeworkSchema), cap: z.number() }), 404: errorSchema },
        },
      },
      async (req) => {
        const auth = authOf(req);
        const client = await findVisibleClient(db, auth, req.params.id);
        let q = db.selectFrom('homework').selectAll().where('client_id', '=', client.id);
        if (req.query.status === 'active') q = q.where('status', '=', 'active');
        return { homework: await presentHomework(db, await q.orderBy('assigned_at', 'desc').execute()), cap: await capOf(auth.practiceId) };
      },
    );

    app.patch(
      '/homework/:id',
      {
        schema: {
          tags: ['homework'],
          summary: 'Change the dose or cue, record "demonstrated", or retire (status: retired)',
          params: idParams,
          body: homeworkPatch,
          response: { 200: homeworkSchema, ...errors },
        },
      },
      async (req) => {
        const auth = authOf(req);
        const row = await findVisibleHomework(db, auth, req.params.id);
        const now = clock.now().toISOString();
        const b = req.body;
        const changes = {
          ...(b.dose ? doseColumns(b.dose) : {}),
          note: b.note === undefined ? row.note : b.note,
          demonstrated_at: b.demonstrated === undefined ? row.demonstrated_at : b.demonstrated ? (row.demonstrated_at ?? now) : null,
          status: b.status === 'retired' && row.status === 'active' ? ('retired' as const) : row.status,
          ended_at: b.status === 'retired' && row.status === 'active' ? now : row.ended_at,
        };
        await db.transaction().execute(async (trx) => {
          await trx.updateTable('homework').set(changes).where('id', '=', row.id).execute();
          await audit(
            trx,
            auth,
            { practiceId: auth.practiceId, clientId: row.client_id, action: b.status ? 'retired homework' : 'changed homework' },
            now,
          );
        });
        return (await presentHomework(db, [{ ...row, ...changes }]))[0];
      },
    );

    app.delete(
      '/homework/:id',
      { schema: { tags: ['homework'], summary: 'Retire an item', params: idParams, response: { 200: okSchema, 404: errorSchema } } },
      async (req) => {
        const auth = authOf(req);
        const row = await findVisibleHomework(db, auth, req.params.id);
        const now = clock.now().toISOString();
        await db
          .updateTable('homework')
          .set({ status: 'retired', ended_at: now })
          .where('id', '=', row.id)
          .where('status', '=', 'active')
          .execute();
        await audit(db, auth, { practiceId: auth.practiceId, clientId: row.client_id, action: 'retired homework' }, now);
        return { ok: true as const };
      },
    );

    app.post(
      '/homework/:id/progress',
      {
        schema: {
          tags: ['homework'],
          summary: 'Replace an active item by its next step, in one move',
          params: idParams,
          body: progressBody,
          response: { 201: homeworkSchema, ...errors },
        },
      },
      async (req, reply) => {
        const auth = authOf(req);
        const old = await findVisibleHomework(db, auth, req.params.id);
        if (old.status !== 'active') throw invalid({ id: 'Only an active item can be progressed' }, 'That item is no longer active.');
        const client = await findVisibleClient(db, auth, old.client_id);
        const exercise = await exerciseOrFail(auth.practiceId, req.body.exerciseId);
        const row = await assignHomework({
          db,
          clock,
          auth,
          client,
          sessionId: old.session_id,
          exercise,
          dose: req.body.dose,
          note: req.body.note,
          cap: await capOf(auth.practiceId),
          replacing: { id: old.id, as: 'progressed' },
        });
        return reply.code(201).send((await presentHomework(db, [row]))[0]);
      },
    );

    app.post(
      '/clients/:id/link',
      {
        schema: {
          tags: ['homework'],
          summary: "A fresh link to the client's page, with its QR code as SVG",
          params: idParams,
          response: { 201: clientLinkSchema, 404: errorSchema },
        },
      },
      async (req, reply) => {
        const auth = authOf(req);
        const client = await findVisibleClient(db, auth, req.params.id);
        const url = await issueClientLink(db, clock, { practiceId: auth.practiceId, clientId: client.id, publicUrl: config.publicUrl });
        return reply.code(201).send({ url, qrSvg: await qrSvg(url) });
      },
    );
  };
}
