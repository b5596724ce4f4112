import { randomUUID } from 'node:crypto';
import { fileTypeFromStream } from 'file-type';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MEDIA_LIMITS, mediaSchema } from '../../../shared/api/exercises.js';
import { errorSchema, idParams, okSchema } from '../../../shared/api/common.js';
import type { AppDeps } from '../../deps.js';
import { authOf } from '../../http/auth.js';
import { AppError, notFound } from '../../http/errors.js';
import { exerciseParams } from './exercises.routes.js';

const MAX_UPLOAD = Math.max(MEDIA_LIMITS.image.maxBytes, MEDIA_LIMITS.video.maxBytes);
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** What the file really is, read from its first bytes: the name and the browser's claim are not trusted. */
function kindOf(mime: string | undefined): 'image' | 'video' | undefined {
  if (!mime) return undefined;
  if ((MEDIA_LIMITS.image.types as readonly string[]).includes(mime)) return 'image';
  if ((MEDIA_LIMITS.video.types as readonly string[]).includes(mime)) return 'video';
  return undefined;
}

export function mediaRoutes({ db, clock, storage }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/exercises/:id/media',
      {
        config: { rateLimit: { max: 60, timeWindow: '1 hour' } },
        schema: {
          tags: ['library'],
          summary: `Attach a photo (JPEG, PNG, WebP, up to ${mb(MEDIA_LIMITS.image.maxBytes)}) or a short video (MP4, WebM, MOV, up to ${mb(MEDIA_LIMITS.video.maxBytes)}) to a custom item; multipart field "file"`,
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
        if (!req.isMultipart())
          throw new AppError(400, 'invalid', 'Send the photo or video as multipart/form-data in a field called "file".', {
            file: 'Choose a photo or video',
          });
        const file = await req.file({ limits: { fileSize: MAX_UPLOAD, files: 1 } });
        if (!file) throw new AppError(400, 'invalid', 'Choose a photo or video to upload.', { file: 'Choose a photo or video' });

        const id = randomUUID();
        const key = `media/${practiceId}/${id}`;
        const saved = await storage.put(key, file.file, MAX_UPLOAD);
        if (saved.tooLarge || file.file.truncated) {
          await storage.remove(key);
          throw new AppError(
            413,
            'too_large',
            `That file is too big. Photos can be up to ${mb(MEDIA_LIMITS.image.maxBytes)} and videos up to ${mb(MEDIA_LIMITS.video.maxBytes)}.`,
            { file: 'Too big' },
          );
        }
        const type = await fileTypeFromStream(storage.read(key) as never).catch(() => undefined);
        const kind = kindOf(type?.mime);
        if (!type || !kind) {
          await storage.remove(key);
          throw new AppError(400, 'invalid_file', 'That file is not a photo (JPEG, PNG, WebP) or a video (MP4, WebM, MOV).', {
            file: 'Not a photo or video',
          });
        }
        if (saved.bytes > MEDIA_LIMITS[kind].maxBytes) {
          await storage.remove(key);
          throw new AppError(413, 'too_large', `Photos can be up to ${mb(MEDIA_LIMITS.image.maxBytes)}.`, { file: 'Too big' });
        }
        const row = {
          id,
          practice_id: practiceId,
          exercise_id: item.id,
          kind,
          mime: type.mime,
          bytes: saved.bytes,
          storage_key: key,
          created_at: clock.now().toISOString(),
        };
        await db.insertInto('exercise_media').values(row).execute();
        return reply.code(201).send({ id, kind, mime: type.mime, bytes: saved.bytes, url: `/api/v1/media/${id}` });
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
          .header('content-disposition', 'inline')
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
