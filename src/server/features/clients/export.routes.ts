import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZipFile } from 'yazl';
import { z } from 'zod';
import { errorSchema, idParams } from '../../../shared/api/common.js';
import type { AppDeps } from '../../deps.js';
import { authOf } from '../../http/auth.js';
import { audit, findVisibleClient } from './clients.repository.js';
import { collectClientExport } from './export.service.js';

const exportQuery = z.object({
  format: z.enum(['json', 'zip'], { message: 'Choose json, or zip to add the photos and videos' }).default('json'),
});

export function exportRoutes({ db, clock, storage }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/clients/:id/export',
      {
        schema: {
          tags: ['clients'],
          summary: 'Everything Carryover holds about one client: JSON, or with ?format=zip a zip adding the photos and videos',
          params: idParams,
          querystring: exportQuery,
          response: { 200: z.looseObject({ exportedAt: z.string() }), 400: errorSchema, 404: errorSchema },
        },
      },
      async (req, reply) => {
        const auth = authOf(req);
        const row = await findVisibleClient(db, auth, req.params.id);
        const exportedAt = clock.now().toISOString();
        // Logged first, so the export's own access log shows this export too.
        await audit(db, auth, { practiceId: auth.practiceId, clientId: row.id, action: 'exported' }, exportedAt);
        const { document, media } = await collectClientExport(db, row, exportedAt);
        if (req.query.format === 'json') {
          return reply.header('content-disposition', `attachment; filename="client-${row.id}.json"`).send(document);
        }
        // Streamed: the photos and videos are read from storage as the zip is written, never held whole.
        const zip = new ZipFile();
        zip.addBuffer(Buffer.from(JSON.stringify(document, null, 2)), 'client.json', { mtime: new Date(exportedAt) });
        for (const m of media) zip.addReadStream(storage.read(m.storageKey), m.fileName, { mtime: new Date(m.createdAt), compress: false });
        zip.end();
        return (
          reply
            .type('application/zip')
            .header('content-disposition', `attachment; filename="client-${row.id}.zip"`)
            // A stream skips the JSON schema above, which describes the default format.
            .send(zip.outputStream as never)
        );
      },
    );
  };
}
