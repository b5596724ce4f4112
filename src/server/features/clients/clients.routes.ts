import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import { z } from 'zod';
import { clientBody, clientListQuery, clientPatch, clientSchema, intakeSchema, timelineEntrySchema } from '../../../shared/api/clients.js';
import { errorSchema, idParams, okSchema } from '../../../shared/api/common.js';
import { isUniqueViolation } from '../../db/errors.js';
import { eraseDeletedText } from '../../db/index.js';
import type { ClientTable, Database } from '../../db/schema.js';
import { intakeColumns } from '../../db/stored.js';
import type { AppDeps } from '../../deps.js';
import { authOf } from '../../http/auth.js';
import { conflict } from '../../http/errors.js';
import { adherenceWindowStart, followUpOf } from './adherence.repository.js';
import {
  audit,
  clientRow,
  findVisibleClient,
  presentClient,
  searchTextOf,
  visibleClients,
  withUniqueReferralCodes,
} from './clients.repository.js';
import { checkReferrer, deleteClientEverywhere, therapistFor } from './clients.service.js';
import { consentAfter, requireConsentForReminders } from './email-consent.js';
import { scheduleNextReminder } from './reminders.js';
import { clientTimeline } from './timeline.repository.js';

const errors = { 400: errorSchema, 404: errorSchema, 409: errorSchema };
const emailTaken = () => conflict('Another client in your practice already has this email.', 'email_taken');

export function clientsRoutes({ db, dialect, clock, storage }: AppDeps): FastifyPluginAsyncZod {
  const now = () => clock.now().toISOString();

  async function lastSessionDates(ids: string[]) {
    if (!ids.length) return new Map<string, string>();
    const rows = await db
      .selectFrom('session_records')
      .select(['client_id', (eb) => eb.fn.max('date').as('last')])
      .where('client_id', 'in', ids)
      .groupBy('client_id')
      .execute();
    return new Map(rows.map((r) => [r.client_id, String(r.last)]));
  }

  // Sorting by homework done or by the next visit is done in SQL, so it holds across pages.
  async function ordered<Q extends SelectQueryBuilder<Database, 'clients', ClientTable>>(query: Q, sort: string, practiceId: string) {
    if (sort === 'adherence') {
      const from = await adherenceWindowStart(db, practiceId, clock.now());
      return query.orderBy(
        (eb) =>
          eb
            .selectFrom('check_ins')
            .select((c) => c.fn.count<number>('check_ins.date').distinct().as('days'))
            .whereRef('check_ins.client_id', '=', 'clients.id')
            .where('check_ins.done', '=', 1)
            .where('check_ins.date', '>=', from),
        'desc',
      ) as Q;
    }
    if (sort === 'next-visit') {
      const next = (eb: ExpressionBuilder<Database, 'clients'>) =>
        eb
          .selectFrom('appointments')
          .select((a) => a.fn.min('appointments.starts_at').as('next'))
          .whereRef('appointments.client_id', '=', 'clients.id')
          .where('appointments.status', '=', 'booked')
          .where('appointments.starts_at', '>', now());
      // Clients with no visit booked go last on both databases (they order NULL differently).
      return query.orderBy((eb) => eb.case().when(next(eb), 'is', null).then(1).else(0).end()).orderBy(next) as Q;
    }
    return query;
  }

  return async (app) => {
    app.get(
      '/clients',
      {
        schema: {
          tags: ['clients'],
          summary: 'Clients, most recently updated first; q searches name, email and phone',
          querystring: clientListQuery,
          response: { 200: z.object({ clients: z.array(clientSchema), total: z.number() }), 400: errorSchema },
        },
      },
      async (req) => {
        const auth = authOf(req);
        const { q, archived, sort, limit, offset } = req.query;
        let query = visibleClients(db.selectFrom('clients'), auth).where('archived_at', archived === 'true' ? 'is not' : 'is', null);
        for (const word of (q ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
          const digits = word.replace(/\D/g, '');
          const term = digits.length >= 3 && digits.length === word.replace(/[\s()+.-]/g, '').length ? digits : word;
          query = query.where('search_text', 'like', `%${term.replace(/[%_]/g, '')}%`);
        }
        const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        const rows = await (await ordered(query.selectAll(), sort, auth.practiceId))
          .orderBy(sort === 'name' ? 'last_name' : 'updated_at', sort === 'name' ? 'asc' : 'desc')
          .orderBy('first_name')
          .orderBy('id')
          .limit(limit)
          .offset(offset)
          .execute();
        const [last, followUp] = await Promise.all([
          lastSessionDates(rows.map((r) => r.id)),
          followUpOf(db, { practiceId: auth.practiceId, clients: rows, now: clock.now() }),
        ]);
        return {
          clients: rows.map((r) => ({ ...presentClient(r, last.get(r.id) ?? null), ...followUp.get(r.id) })),
          total: Number(total.n),
        };
      },
    );

    app.post(
      '/clients',
      {
        schema: {
          tags: ['clients'],
          summary: 'Add a client with their intake',
          body: clientBody,
          response: { 201: clientSchema, ...errors },
        },
      },
      async (req, reply) => {
        const auth = authOf(req);
        await checkReferrer(db, auth.practiceId, req.body.intake);
        requireConsentForReminders(req.body.consentToEmail, req.body.reminderRhythm);
        const row = clientRow(auth.practiceId, await therapistFor(db, auth, req.body.therapistId), req.body, now());
        try {
          await db.transaction().execute(async (trx) => {
            await withUniqueReferralCodes(trx, [row]);
            await trx.insertInto('clients').values(row).execute();
            await audit(trx, auth, { practiceId: auth.practiceId, clientId: row.id, action: 'created' }, row.created_at);
          });
        } catch (err) {
          if (isUniqueViolation(err)) throw emailTaken();
          throw err;
        }
        await scheduleNextReminder(db, clock, row.id);
        return reply.code(201).send(presentClient(row));
      },
    );

    app.get(
      '/clients/:id',
      {
        schema: {
          tags: ['clients'],
          summary: 'One client with their intake',
          params: idParams,
          response: { 200: clientSchema, 404: errorSchema },
        },
      },
      async (req) => {
        const auth = authOf(req);
        const row = await findVisibleClient(db, auth, req.params.id);
        await audit(db, auth, { practiceId: auth.practiceId, clientId: row.id, action: 'viewed' }, now());
        const followUp = await followUpOf(db, { practiceId: auth.practiceId, clients: [row], now: clock.now() });
        return { ...presentClient(row, (await lastSessionDates([row.id])).get(row.id) ?? null), ...followUp.get(row.id) };
      },
    );

    app.patch(
      '/clients/:id',
      {
        schema: {
          tags: ['clients'],
          summary: 'Change a client or their intake; archived:true archives',
          params: idParams,
          body: clientPatch,
          response: { 200: clientSchema, ...errors },
        },
      },
      async (req) => {
        const auth = authOf(req);
        const row = await findVisibleClient(db, auth, req.params.id);
        const b = req.body;
        if (b.intake) await checkReferrer(db, auth.practiceId, b.intake, row.id);
        const consent = consentAfter(row, b.consentToEmail, 'therapist', now());
        if (b.reminderRhythm !== undefined) requireConsentForReminders(consent.consent_to_email === 1, b.reminderRhythm);
        const next: ClientTable = {
          ...row,
          first_name: b.firstName ?? row.first_name,
          last_name: b.lastName ?? row.last_name,
          email: b.email === undefined ? row.email : b.email,
          phone: b.phone === undefined ? row.phone : b.phone,
          timezone: b.timezone === undefined ? row.timezone : b.timezone,
          ...consent,
          reminder_rhythm: b.reminderRhythm === undefined ? row.reminder_rhythm : b.reminderRhythm,
          therapist_id: b.therapistId ? await therapistFor(db, auth, b.therapistId) : row.therapist_id,
          ...(b.intake ? intakeColumns(intakeSchema.parse(b.intake)) : {}),
          archived_at: b.archived === undefined ? row.archived_at : b.archived ? (row.archived_at ?? now()) : null,
          updated_at: now(),
        };
        next.search_text = searchTextOf(next);
        try {
          await db.transaction().execute(async (trx) => {
            const { id, practice_id, created_at, ...changes } = next;
            await trx.updateTable('clients').set(changes).where('id', '=', id).where('practice_id', '=', practice_id).execute();
            await audit(
              trx,
              auth,
              { practiceId: auth.practiceId, clientId: row.id, action: b.archived ? 'archived' : 'changed' },
              next.updated_at,
            );
          });
        } catch (err) {
          if (isUniqueViolation(err)) throw emailTaken();
          throw err;
        }
        if (b.reminderRhythm !== undefined || b.consentToEmail) await scheduleNextReminder(db, clock, next.id);
        return presentClient(next, (await lastSessionDates([next.id])).get(next.id) ?? null);
      },
    );

    app.delete(
      '/clients/:id',
      {
        schema: {
          tags: ['clients'],
          summary: 'Delete a client and everything of theirs',
          params: idParams,
          response: { 200: okSchema, 404: errorSchema },
        },
      },
      async (req) => {
        const auth = authOf(req);
        const row = await findVisibleClient(db, auth, req.params.id);
        const files = await db.transaction().execute(async (trx) => {
          const stored = await deleteClientEverywhere(trx, auth.practiceId, row.id);
          // The log keeps that a client was deleted, by whom and when, but nothing of theirs.
          await audit(trx, auth, { practiceId: auth.practiceId, clientId: null, action: 'deleted a client' }, now());
          return stored;
        });
        await Promise.all(files.map((key) => storage.remove(key)));
        await eraseDeletedText(db, dialect);
        return { ok: true as const };
      },
    );

    app.get(
      '/clients/:id/timeline',
      {
        schema: {
          tags: ['clients'],
          summary: 'What happened with this client, newest first',
          params: idParams,
          response: { 200: z.object({ entries: z.array(timelineEntrySchema) }), 404: errorSchema },
        },
      },
      async (req) => {
        const row = await findVisibleClient(db, authOf(req), req.params.id);
        return { entries: await clientTimeline(db, row) };
      },
    );

    app.get(
      '/audit',
      {
        config: { ownerOnly: true },
        schema: {
          tags: ['clients'],
          summary: 'Who viewed or changed client records (owner)',
          querystring: z.object({ clientId: z.string().uuid().optional(), limit: z.coerce.number().int().min(1).max(500).default(100) }),
          response: {
            200: z.object({
              entries: z.array(z.object({ actor: z.string(), action: z.string(), clientId: z.string().nullable(), at: z.string() })),
            }),
          },
        },
      },
      async (req) => {
        let q = db.selectFrom('audit_log').select(['actor', 'action', 'client_id', 'at']).where('practice_id', '=', authOf(req).practiceId);
        if (req.query.clientId) q = q.where('client_id', '=', req.query.clientId);
        const rows = await q.orderBy('at', 'desc').limit(req.query.limit).execute();
        return { entries: rows.map((r) => ({ actor: r.actor, action: r.action, clientId: r.client_id, at: r.at })) };
      },
    );
  };
}
