import { stringify } from 'csv-stringify/sync';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IMPORT_MAX_BYTES,
  IMPORT_TOO_BIG,
  importBody,
  importPreview,
  importPreviewBody,
  importResult,
} from '../../../shared/api/clients.js';
import { errorSchema } from '../../../shared/api/common.js';
import { guardFormula, QUOTE_OTHER_SEPARATORS } from '../../../shared/csv.js';
import type { AppDeps } from '../../deps.js';
import { authOf } from '../../http/auth.js';
import { AppError, invalid } from '../../http/errors.js';
import { audit, presentClient, visibleClients } from './clients.repository.js';
import { checkClientCsv, suggestMapping } from './csv-import.js';
import { ImportStopped, importClients } from './import.service.js';

// Sent as a JSON string, a CSV grows with escaping (quotes, line breaks): allow twice its size.
const IMPORT_BODY_LIMIT = IMPORT_MAX_BYTES * 2 + 1024;
/** Refuses a body over the limit before reading it, naming the limit (Fastify's own 413 does not). */
const refuseOversized = async (req: FastifyRequest) => {
  if (Number(req.headers['content-length']) > IMPORT_BODY_LIMIT)
    throw new AppError(413, 'too_large', IMPORT_TOO_BIG, { csv: IMPORT_TOO_BIG });
};

export function importRoutes({ db, clock }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/clients/import/preview',
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        onRequest: refuseOversized,
        schema: {
          tags: ['clients'],
          summary: 'Read a CSV export: its columns, a suggested mapping and the first rows',
          body: importPreviewBody,
          response: { 200: importPreview, 400: errorSchema, 413: errorSchema },
        },
      },
      async (req) => {
        const { headers, rowCount, sample } = await checkClientCsv(req.body.csv);
        return { headers, rowCount, mapping: suggestMapping(headers), sample };
      },
    );

    app.post(
      '/clients/import',
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        onRequest: refuseOversized,
        config: { rateLimit: { max: 20, timeWindow: '1 hour' } },
        schema: {
          tags: ['clients'],
          summary:
            'Import clients from CSV: good rows are added a few thousand per transaction, bad rows reported with their row number; a client already here (same email) is updated, not duplicated, so importing a file again is safe',
          body: importBody,
          response: { 200: importResult, 400: errorSchema, 413: errorSchema },
        },
      },
      async (req) => {
        const auth = authOf(req);
        // The whole file is read once before anything is saved: a file that is not usable CSV changes nothing.
        const { headers } = await checkClientCsv(req.body.csv);
        const mapping = req.body.mapping;
        const unknown = Object.entries(mapping).filter(([, h]) => h && !headers.includes(h));
        if (unknown.length) throw invalid(Object.fromEntries(unknown.map(([f, h]) => [`mapping.${f}`, `The file has no column "${h}"`])));
        if (!mapping.firstName && !mapping.fullName) throw invalid({ 'mapping.firstName': 'Choose the column that holds the name' });
        try {
          return await importClients(db, { auth, csv: req.body.csv, mapping, now: clock.now().toISOString() });
        } catch (err) {
          if (!(err instanceof ImportStopped)) throw err;
          // Earlier batches are saved and stay saved: the user reads how far it got and that importing the file again is safe.
          const cause = err.cause as { name?: string; code?: string; stack?: string };
          req.log.error({ err: { type: cause?.name, code: cause?.code, stack: cause?.stack } }, 'import stopped');
          throw new AppError(500, 'import_stopped', `${err.message} Quote request ${req.id} if it keeps happening.`);
        }
      },
    );

    app.get('/clients/export.csv', { schema: { tags: ['clients'], summary: 'Every client you can see, as CSV' } }, async (req, reply) => {
      const auth = authOf(req);
      const rows = await visibleClients(db.selectFrom('clients').selectAll(), auth).orderBy('last_name').orderBy('first_name').execute();
      const columns = [
        'id',
        'firstName',
        'lastName',
        'email',
        'phone',
        'timezone',
        'consentToEmail',
        'archived',
        'complaints',
        'lifestyle',
        'tools',
        'cautions',
        'goals',
        'createdAt',
      ];
      const records = rows.map((r) => {
        const c = presentClient(r);
        return [
          c.id,
          c.firstName,
          c.lastName,
          c.email ?? '',
          c.phone ?? '',
          c.timezone ?? '',
          c.consentToEmail ? 'yes' : 'no',
          c.archived ? 'yes' : 'no',
          c.intake.complaints.join(' '),
          c.intake.lifestyle.join(' '),
          c.intake.tools.join(' '),
          c.intake.cautions.join(' '),
          c.intake.goals ?? '',
          c.createdAt,
        ].map(guardFormula);
      });
      await audit(
        db,
        auth,
        { practiceId: auth.practiceId, clientId: null, action: `exported ${rows.length} clients as CSV` },
        clock.now().toISOString(),
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="carryover-clients.csv"')
        .send(stringify([columns, ...records], { quoted_match: QUOTE_OTHER_SEPARATORS }));
    });
  };
}
