import { stringify } from 'csv-stringify/sync';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IMPORT_MAX_BYTES, importBody, importPreview, importPreviewBody, importResult } from '../../../shared/api/clients.js';
import { errorSchema } from '../../../shared/api/common.js';
import type { ClientTable } from '../../db/schema.js';
import type { AppDeps } from '../../deps.js';
import { authOf } from '../../http/auth.js';
import { invalid } from '../../http/errors.js';
import { audit, clientRow, presentClient, visibleClients } from './clients.repository.js';
import { type ImportedClient, parseClientCsv, readRow, suggestMapping } from './csv-import.js';

const BATCH = 200;
// Sent as a JSON string, a CSV grows with escaping (quotes, line breaks): allow twice its size.
const IMPORT_BODY_LIMIT = IMPORT_MAX_BYTES * 2 + 1024;
/** A cell a spreadsheet would run as a formula is prefixed so it stays text. */
const safeCell = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export function importRoutes({ db, clock }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/clients/import/preview',
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          tags: ['clients'],
          summary: 'Read a CSV export: its columns, a suggested mapping and the first rows',
          body: importPreviewBody,
          response: { 200: importPreview, 400: errorSchema },
        },
      },
      async (req) => {
        const { headers, rows } = parseClientCsv(req.body.csv);
        return { headers, rowCount: rows.length, mapping: suggestMapping(headers), sample: rows.slice(0, 5).map((r) => r.values) };
      },
    );

    app.post(
      '/clients/import',
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        config: { rateLimit: { max: 20, timeWindow: '1 hour' } },
        schema: {
          tags: ['clients'],
          summary:
            'Import clients from CSV: good rows are added in one transaction, bad rows reported with their row number; a client already here (same email) is updated, not duplicated',
          body: importBody,
          response: { 200: importResult, 400: errorSchema },
        },
      },
      async (req) => {
        const auth = authOf(req);
        const { headers, rows } = parseClientCsv(req.body.csv);
        const mapping = req.body.mapping;
        const unknown = Object.entries(mapping).filter(([, h]) => h && !headers.includes(h));
        if (unknown.length) throw invalid(Object.fromEntries(unknown.map(([f, h]) => [`mapping.${f}`, `The file has no column "${h}"`])));
        if (!mapping.firstName && !mapping.fullName) throw invalid({ 'mapping.firstName': 'Choose the column that holds the name' });

        const errors: { row: number; reason: string }[] = [];
        const good: ImportedClient[] = [];
        const seen = new Map<string, number>();
        for (const { line, values } of rows) {
          const read = readRow(values, mapping, line);
          if ('reason' in read) errors.push({ row: line, reason: read.reason });
          else if (read.email && seen.has(read.email)) errors.push({ row: line, reason: `Same email as row ${seen.get(read.email)}` });
          else {
            if (read.email) seen.set(read.email, line);
            good.push(read);
          }
        }

        const now = clock.now().toISOString();
        const therapistId = auth.member?.id ?? null;
        let created = 0;
        let updated = 0;
        let unchanged = 0;
        await db.transaction().execute(async (trx) => {
          const existing = new Map<string, ClientTable>();
          for (const row of await trx
            .selectFrom('clients')
            .selectAll()
            .where('practice_id', '=', auth.practiceId)
            .where('email', 'is not', null)
            .execute()) {
            existing.set(row.email!, row);
          }
          // A therapist updates only their own clients: a colleague's client with that email is refused, as POST /clients refuses it.
          const visible = new Set((await visibleClients(trx.selectFrom('clients').select('clients.id'), auth).execute()).map((r) => r.id));
          const fresh: ClientTable[] = [];
          for (const c of good) {
            const before = c.email ? existing.get(c.email) : undefined;
            if (before && !visible.has(before.id)) {
              errors.push({ row: c.line, reason: 'Another client in your practice already has this email' });
              continue;
            }
            if (!before) {
              fresh.push(
                clientRow(
                  auth.practiceId,
                  therapistId,
                  {
                    ...c,
                    consentToEmail: false,
                    intake: { complaints: [], lifestyle: [], tools: [], lacksTools: [], cautions: [], complaintNotes: c.notes },
                  },
                  now,
                ),
              );
              continue;
            }
            const changes = { first_name: c.firstName, last_name: c.lastName || before.last_name, phone: c.phone ?? before.phone };
            if (changes.first_name === before.first_name && changes.last_name === before.last_name && changes.phone === before.phone) {
              unchanged++;
              continue;
            }
            const search = presentClient({ ...before, ...changes });
            await trx
              .updateTable('clients')
              .set({
                ...changes,
                search_text: [search.firstName, search.lastName, search.email ?? '', (search.phone ?? '').replace(/\D/g, '')]
                  .join(' ')
                  .toLowerCase(),
                updated_at: now,
              })
              .where('id', '=', before.id)
              .execute();
            updated++;
          }
          for (let i = 0; i < fresh.length; i += BATCH)
            await trx
              .insertInto('clients')
              .values(fresh.slice(i, i + BATCH))
              .execute();
          created = fresh.length;
          await audit(
            trx,
            auth,
            { practiceId: auth.practiceId, clientId: null, action: `imported ${created} new and updated ${updated} clients from CSV` },
            now,
          );
        });
        return { total: rows.length, created, updated, unchanged, errors };
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
        ].map(safeCell);
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
        .send(stringify([columns, ...records]));
    });
  };
}
