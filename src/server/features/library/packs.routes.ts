import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, idParams, okSchema } from '../../../shared/api/common.js';
import { packBody, packSchema } from '../../../shared/api/exercises.js';
import { patchOf } from '../../../shared/api/patch.js';
import type { AppDeps } from '../../deps.js';
import { authOf } from '../../http/auth.js';
import { invalid, notFound } from '../../http/errors.js';
import { practiceCatalogue } from './catalogue.js';
import { type Pack, packItemIds, starterPacks } from './packs.js';

export function packsRoutes({ db, clock }: AppDeps): FastifyPluginAsyncZod {
  async function checkItems(practiceId: string, ids: string[]) {
    const known = new Set((await practiceCatalogue(db, practiceId)).map((e) => e.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length) throw invalid({ exerciseIds: `No item called ${unknown.join(', ')} in your library` });
  }
  const present = (r: { id: string; name: string; description: string | null; exercise_ids: string }): Pack => ({
    id: r.id,
    name: r.name,
    description: r.description,
    source: 'custom',
    exerciseIds: packItemIds(r),
  });

  return async (app) => {
    app.get(
      '/packs',
      {
        schema: {
          tags: ['library'],
          summary: 'Starter packs and the practice’s own',
          response: { 200: z.object({ packs: z.array(packSchema) }) },
        },
      },
      async (req) => {
        const rows = await db.selectFrom('packs').selectAll().where('practice_id', '=', authOf(req).practiceId).orderBy('name').execute();
        return { packs: [...starterPacks(), ...rows.map(present)] };
      },
    );

    app.post(
      '/packs',
      { schema: { tags: ['library'], summary: 'Make a pack', body: packBody, response: { 201: packSchema, 400: errorSchema } } },
      async (req, reply) => {
        const practiceId = authOf(req).practiceId;
        await checkItems(practiceId, req.body.exerciseIds);
        const row = {
          id: randomUUID(),
          practice_id: practiceId,
          name: req.body.name,
          description: req.body.description ?? null,
          exercise_ids: JSON.stringify(req.body.exerciseIds),
          created_at: clock.now().toISOString(),
        };
        await db.insertInto('packs').values(row).execute();
        return reply.code(201).send(present(row));
      },
    );

    app.patch(
      '/packs/:id',
      {
        schema: {
          tags: ['library'],
          summary: 'Rename a pack or change its items',
          params: idParams,
          body: patchOf(packBody),
          response: { 200: packSchema, 400: errorSchema, 404: errorSchema },
        },
      },
      async (req) => {
        const practiceId = authOf(req).practiceId;
        const row = await db
          .selectFrom('packs')
          .selectAll()
          .where('practice_id', '=', practiceId)
          .where('id', '=', req.params.id)
          .executeTakeFirst();
        if (!row) throw notFound('That pack');
        if (req.body.exerciseIds) await checkItems(practiceId, req.body.exerciseIds);
        const next = {
          name: req.body.name ?? row.name,
          description: req.body.description === undefined ? row.description : req.body.description,
          exercise_ids: req.body.exerciseIds ? JSON.stringify(req.body.exerciseIds) : row.exercise_ids,
        };
        await db.updateTable('packs').set(next).where('id', '=', row.id).execute();
        return present({ ...row, ...next });
      },
    );

    app.delete(
      '/packs/:id',
      {
        schema: {
          tags: ['library'],
          summary: 'Delete a pack (its items stay)',
          params: idParams,
          response: { 200: okSchema, 404: errorSchema },
        },
      },
      async (req) => {
        const result = await db
          .deleteFrom('packs')
          .where('practice_id', '=', authOf(req).practiceId)
          .where('id', '=', req.params.id)
          .executeTakeFirst();
        if (Number(result.numDeletedRows) !== 1) throw notFound('That pack');
        return { ok: true as const };
      },
    );
  };
}
