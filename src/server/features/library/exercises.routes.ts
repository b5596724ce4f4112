import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, okSchema } from '../../../shared/api/common.js';
import { customExerciseBody, customExercisePatch, exerciseParams, exerciseQuery, exerciseSchema } from '../../../shared/api/exercises.js';
import { type ExerciseContent, exerciseContentSchema } from '../../../shared/exercise.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { Db } from '../../db/index.js';
import { readCustomItem, readOr, readStringList } from '../../db/stored.js';
import type { AppDeps } from '../../deps.js';
import { authOf } from '../../http/auth.js';
import { AppError, conflict, invalid, notFound } from '../../http/errors.js';
import { findExercise, practiceCatalogue } from './catalogue.js';
import { matchesQuery } from './library.js';
import { packExerciseIds } from './packs.js';
import { builtInPoses } from './poses.js';

const errors = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };

const slugify = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'item';

/** Removes a deleted item from the practice's packs and from its other items' variation links. */
async function forgetItem(trx: Db, practiceId: string, ids: string[]) {
  for (const pack of await trx.selectFrom('packs').select(['id', 'exercise_ids']).where('practice_id', '=', practiceId).execute()) {
    // A list that no longer reads is left as it is rather than emptied.
    const stored = readOr<string[] | null>(readStringList, pack.exercise_ids, () => null, { what: 'pack items', id: pack.id });
    if (!stored) continue;
    const kept = stored.filter((x) => !ids.includes(x));
    await trx
      .updateTable('packs')
      .set({ exercise_ids: JSON.stringify(kept) })
      .where('id', '=', pack.id)
      .execute();
  }
  for (const item of await trx.selectFrom('custom_exercises').select(['id', 'content']).where('practice_id', '=', practiceId).execute()) {
    const content = readOr<ExerciseContent | null>(readCustomItem, item.content, () => null, { what: 'custom item', id: item.id });
    if (!content) continue;
    const easier = content.easier.filter((x) => !ids.includes(x));
    const harder = content.harder.filter((x) => !ids.includes(x));
    if (easier.length !== content.easier.length || harder.length !== content.harder.length) {
      await trx
        .updateTable('custom_exercises')
        .set({ content: JSON.stringify({ ...content, easier, harder }) })
        .where('id', '=', item.id)
        .execute();
    }
  }
}

export function exercisesRoutes({ db, clock, storage }: AppDeps): FastifyPluginAsyncZod {
  /** Every easier/harder link must name an item this practice can see, and a pose one the library draws. */
  async function checkLinks(practiceId: string, item: Pick<ExerciseContent, 'easier' | 'harder' | 'pose'>) {
    const known = new Set((await practiceCatalogue(db, practiceId)).flatMap((e) => [e.id, e.slug]));
    const fields: Record<string, string> = {};
    for (const key of ['easier', 'harder'] as const) {
      const unknown = item[key].filter((s) => !known.has(s));
      if (unknown.length) fields[key] = `No item called ${unknown.join(', ')} in your library`;
    }
    if (item.pose && !builtInPoses().has(item.pose)) fields.pose = `No pose called ${item.pose}. Choose a drawing from the library.`;
    if (Object.keys(fields).length) throw invalid(fields);
  }

  async function ownCustom(practiceId: string, id: string) {
    const row = await db
      .selectFrom('custom_exercises')
      .selectAll()
      .where('practice_id', '=', practiceId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (row) return row;
    if (await findExercise(db, practiceId, id)) {
      throw new AppError(403, 'built_in', 'Built-in items cannot be changed. Copy it to make your own version.');
    }
    throw notFound('That item');
  }

  return async (app) => {
    app.get(
      '/exercises',
      {
        schema: {
          tags: ['library'],
          summary: 'The library: built-in and this practice’s own items, filtered',
          querystring: exerciseQuery,
          response: { 200: z.object({ exercises: z.array(exerciseSchema), total: z.number() }), 400: errorSchema },
        },
      },
      async (req) => {
        const practiceId = authOf(req).practiceId;
        let items = (await practiceCatalogue(db, practiceId)).filter((e) => matchesQuery(e, req.query));
        if (req.query.source === 'favourites') items = items.filter((e) => e.favourite);
        else if (req.query.source) items = items.filter((e) => e.source === req.query.source);
        if (req.query.pack) {
          const ids = await packExerciseIds(db, practiceId, req.query.pack);
          items = ids.map((id) => items.find((e) => e.id === id)).filter((e) => e !== undefined);
        }
        return { exercises: items, total: items.length };
      },
    );

    app.get(
      '/exercises/:id',
      { schema: { tags: ['library'], summary: 'One item', params: exerciseParams, response: { 200: exerciseSchema, 404: errorSchema } } },
      async (req) => {
        const item = await findExercise(db, authOf(req).practiceId, req.params.id);
        if (!item) throw notFound('That item');
        return item;
      },
    );

    app.post(
      '/exercises',
      {
        schema: {
          tags: ['library'],
          summary: 'Write a custom item, or copy one with basedOn',
          body: customExerciseBody,
          response: { 201: exerciseSchema, ...errors },
        },
      },
      async (req, reply) => {
        const auth = authOf(req);
        const { basedOn, slug, ...fields } = req.body;
        if (basedOn && !(await findExercise(db, auth.practiceId, basedOn))) throw invalid({ basedOn: 'No such item to copy' });
        await checkLinks(auth.practiceId, fields);
        const content = exerciseContentSchema.parse({ ...fields, slug: slug ?? `${slugify(fields.name)}-${randomUUID().slice(0, 6)}` });
        const now = clock.now().toISOString();
        const id = randomUUID();
        try {
          await db
            .insertInto('custom_exercises')
            .values({
              id,
              practice_id: auth.practiceId,
              slug: content.slug,
              based_on: basedOn ?? null,
              content: JSON.stringify(content),
              created_by: auth.member?.id ?? null,
              created_at: now,
              updated_at: now,
            })
            .execute();
        } catch (err) {
          if (isUniqueViolation(err)) throw conflict('You already have an item with this slug. Choose another.', 'slug_taken');
          throw err;
        }
        return reply.code(201).send((await findExercise(db, auth.practiceId, id))!);
      },
    );

    app.patch(
      '/exercises/:id',
      {
        schema: {
          tags: ['library'],
          summary: 'Edit a custom item',
          params: exerciseParams,
          body: customExercisePatch,
          response: { 200: exerciseSchema, ...errors },
        },
      },
      async (req) => {
        const auth = authOf(req);
        const row = await ownCustom(auth.practiceId, req.params.id);
        // A stored item that no longer reads is replaced by what was sent, which must then be whole.
        const before = readOr<Record<string, unknown>>(readCustomItem, row.content, () => ({}), { what: 'custom item', id: row.id });
        const merged: Record<string, unknown> = { ...before, ...req.body };
        for (const [key, value] of Object.entries(req.body)) if (value === null) delete merged[key];
        const checked = exerciseContentSchema.safeParse(merged);
        if (!checked.success) throw invalid(Object.fromEntries(checked.error.issues.map((i) => [i.path.join('.') || 'body', i.message])));
        const content = checked.data;
        await checkLinks(auth.practiceId, content);
        await db
          .updateTable('custom_exercises')
          .set({ content: JSON.stringify(content), updated_at: clock.now().toISOString() })
          .where('id', '=', row.id)
          .execute();
        return (await findExercise(db, auth.practiceId, row.id))!;
      },
    );

    app.delete(
      '/exercises/:id',
      {
        schema: {
          tags: ['library'],
          summary: 'Delete a custom item and its photos and videos',
          params: exerciseParams,
          response: { 200: okSchema, ...errors },
        },
      },
      async (req) => {
        const auth = authOf(req);
        const row = await ownCustom(auth.practiceId, req.params.id);
        const media = await db
          .selectFrom('exercise_media')
          .select('storage_key')
          .where('exercise_id', '=', row.id)
          .where('practice_id', '=', auth.practiceId)
          .execute();
        await db.transaction().execute(async (trx) => {
          await trx.deleteFrom('exercise_media').where('exercise_id', '=', row.id).where('practice_id', '=', auth.practiceId).execute();
          await trx.deleteFrom('favourites').where('exercise_id', '=', row.id).where('practice_id', '=', auth.practiceId).execute();
          await trx.deleteFrom('custom_exercises').where('id', '=', row.id).execute();
          await forgetItem(trx, auth.practiceId, [row.id, row.slug]);
        });
        await Promise.all(media.map((m) => storage.remove(m.storage_key)));
        return { ok: true as const };
      },
    );

    for (const method of ['PUT', 'DELETE'] as const) {
      app.route({
        method,
        url: '/exercises/:id/favourite',
        schema: {
          tags: ['library'],
          summary: method === 'PUT' ? 'Mark as a practice favourite' : 'Remove from favourites',
          params: exerciseParams,
          response: { 200: okSchema, 404: errorSchema },
        },
        handler: async (req) => {
          const practiceId = authOf(req).practiceId;
          if (!(await findExercise(db, practiceId, req.params.id))) throw notFound('That item');
          const del = db.deleteFrom('favourites').where('practice_id', '=', practiceId).where('exercise_id', '=', req.params.id);
          if (method === 'DELETE') await del.execute();
          else {
            await db
              .insertInto('favourites')
              .values({ practice_id: practiceId, exercise_id: req.params.id, created_at: clock.now().toISOString() })
              .onConflict((oc) => oc.columns(['practice_id', 'exercise_id']).doNothing())
              .execute();
          }
          return { ok: true as const };
        },
      });
    }
  };
}
