import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorSchema, idParams } from '../../../shared/api/common.js';
import { mediaSchema } from '../../../shared/api/exercises.js';
import type { AppDeps } from '../../deps.js';
import { authOf } from '../../http/auth.js';
import { notFound } from '../../http/errors.js';
import { saveUpload, UPLOAD_HELP } from '../../storage/upload.js';
import { audit, visibleClients } from '../clients/clients.repository.js';
import { findVisibleHomework } from './homework.repository.js';

/** Photos and videos taken in the treatment room, attached to one client's item. */
export function homeworkMediaRoutes({ db, clock, storage }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/homework/:id/media',
      {
        config: { rateLimit: { max: 60, timeWindow: '1 hour' } },
        schema: {
          tags: ['homework'],
          summary: `Attach ${UPLOAD_HELP} taken in the room to this client's item`,
          consumes: ['multipart/form-data'],
          params: idParams,
          response: { 201: mediaSchema, 400: errorSchema, 404: errorSchema, 413: errorSchema },
        },
      },
      async (req, reply) => {
        const auth = authOf(req);
        const hw = await findVisibleHomework(db, auth, req.params.id);
        const id = randomUUID();
        const key = `homework/${auth.practiceId}/${hw.client_id}/${id}`;
        const { kind, mime, bytes } = await saveUpload(req, storage, key);
        await db
          .insertInto('homework_media')
          .values({
            id,
            practice_id: auth.practiceId,
            homework_id: hw.id,
            kind,
            mime,
            bytes,
            storage_key: key,
            created_at: clock.now().toISOString(),
          })
          .execute();
        return reply.code(201).send({ id, kind, mime, bytes, url: `/api/v1/homework-media/${id}` });
      },
    );

    app.get(
      '/homework-media/:id',
      { schema: { tags: ['homework'], summary: "A photo or video of a client's item", params: idParams } },
      async (req, reply) => {
        const auth = authOf(req);
        const row = await db
          .selectFrom('homework_media as m')
          .innerJoin('homework as h', 'h.id', 'm.homework_id')
          .select(['m.mime', 'm.bytes', 'm.storage_key', 'h.client_id'])
          .where('m.practice_id', '=', auth.practiceId)
          .where('m.id', '=', req.params.id)
          .executeTakeFirst();
        const visible =
          row &&
          (await visibleClients(db.selectFrom('clients').select('id'), auth).where('clients.id', '=', row.client_id).executeTakeFirst());
        if (!row || !visible) throw notFound('That file');
        const action = row.mime.startsWith('video/') ? 'viewed a video' : 'viewed a photo';
        await audit(db, auth, { practiceId: auth.practiceId, clientId: row.client_id, action }, clock.now().toISOString());
        return reply
          .type(row.mime)
          .header('content-length', row.bytes)
          .header('cache-control', 'private, max-age=3600')
          .send(storage.read(row.storage_key));
      },
    );
  };
}
