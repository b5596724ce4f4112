import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorSchema, idParams, okSchema } from '../../../shared/api/common.js';
import { exerciseParams, mediaSchema } from '../../../shared/api/exercises.js';
import type { AppDeps } from '../../deps.js';
import { authOf } from '../../http/auth.js';
import { notFound } from '../../http/errors.js';
import { saveUpload, UPLOAD_HELP } from '../../storage/upload.js';

export function mediaRoutes({ db, clock, storage }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/exercises/:id/media',
      {
        config: { rateLimit: { max: 60, timeWindow: '1 hour' } },
        schema: {
          tags: ['library'],
          summary: `Attach ${UPLOAD_HELP} to a custom item`,
          consumes: ['multipart/form-data'],
          params: exerciseParams,
          response: { 201: mediaSchema, 400: errorSchema, 403: errorSchema, 404: errorSchema, 413: errorSchema },
        },
      },
      async (req, reply) => {
        const practiceId = authOf(req).practiceId;
        const item = await db
          .selectFrom('custom_exercises')
          .select('id')
          .where('practice_id', '=', practiceId)
          .where('id', '=', req.params.id)
          .executeTakeFirst();
        if (!item) throw notFound('That custom item');
        const id = randomUUID();
        const key = `media/${practiceId}/${id}`;
        const { kind, mime, bytes } = await saveUpload(req, storage, key);
        await db
          .insertInto('exercise_media')
          .values({
            id,
            practice_id: practiceId,
            exercise_id: item.id,
            kind,
            mime,
            bytes,
            storage_key: key,
            created_at: clock.now().toISOString(),
          })
          .execute();
        return reply.code(201).send({ id, kind, mime, bytes, url: `/api/v1/media/${id}` });
      },
    );

    app.get(
      '/media/:id',
      { schema: { tags: ['library'], summary: 'A photo or video of a custom item', params: idParams } },
      async (req, reply) => {
        const row = await db
          .selectFrom('exercise_media')
          .selectAll()
          .where('practice_id', '=', authOf(req).practiceId)
          .where('id', '=', req.params.id)
          .executeTakeFirst();
        if (!row) throw notFound('That file');
        return reply
          .type(row.mime)
          .header('content-length', row.bytes)
          .header('cache-control', 'private, max-age=86400')
          .send(storage.read(row.storage_key));
      },
    );

    app.delete(
      '/media/:id',
      {
        schema: { tags: ['library'], summary: 'Remove a photo or video', params: idParams, response: { 200: okSchema, 404: errorSchema } },
      },
      async (req) => {
        const practiceId = authOf(req).practiceId;
        const row = await db
          .selectFrom('exercise_media')
          .select(['id', 'storage_key'])
          .where('practice_id', '=', practiceId)
          .where('id', '=', req.params.id)
          .executeTakeFirst();
        if (!row) throw notFound('That file');
        await db.deleteFrom('exercise_media').where('id', '=', row.id).execute();
        await storage.remove(row.storage_key);
        return { ok: true as const };
      },
    );
  };
}
