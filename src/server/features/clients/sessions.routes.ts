import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sessionBody, sessionPatch, sessionSchema } from '../../../shared/api/clients.js';
import { errorSchema, idParams } from '../../../shared/api/common.js';
import type { SessionRecordTable } from '../../db/schema.js';
import type { AppDeps } from '../../deps.js';
import { authOf } from '../../http/auth.js';
import { audit, findVisibleClient } from './clients.repository.js';
import { checkSessionDate } from './clients.service.js';
import { findVisibleSession, presentSessionAt } from './sessions.repository.js';
import { attendVisit, visitForNewSession, visitOfSession } from './visit.service.js';

export function sessionsRoutes({ db, clock }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/clients/:id/sessions',
      {
        schema: {
          tags: ['sessions'],
          summary: 'Record a session; with appointmentId that visit is marked attended and linked',
          params: idParams,
          body: sessionBody,
          response: { 201: sessionSchema, 400: errorSchema, 404: errorSchema, 409: errorSchema },
        },
      },
      async (req, reply) => {
        const auth = authOf(req);
        const client = await findVisibleClient(db, auth, req.params.id);
        const now = clock.now();
        checkSessionDate(req.body.date, now);
        const visit = await visitForNewSession(db, auth, { clientId: client.id, appointmentId: req.body.appointmentId });
        const row: SessionRecordTable = {
          id: randomUUID(),
          practice_id: auth.practiceId,
          client_id: client.id,
          therapist_id: auth.member?.id ?? client.therapist_id,
          date: req.body.date,
          areas_worked: JSON.stringify(req.body.areasWorked),
          areas_more_time: JSON.stringify(req.body.areasNeedingMoreTime),
          findings: JSON.stringify(req.body.findings),
          focus_complaints: JSON.stringify(req.body.focusComplaints),
          notes: req.body.notes ?? null,
          subjective: req.body.subjective ?? null,
          assessment: req.body.assessment ?? null,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
          rebooked: null,
          not_rebooked_reason: null,
          not_rebooked_note: null,
          homework_sent_at: null,
        };
        await db.transaction().execute(async (trx) => {
          await trx.insertInto('session_records').values(row).execute();
          if (visit) await attendVisit(trx, { appointmentId: visit.id, sessionId: row.id, now: row.created_at });
          await trx.updateTable('clients').set({ updated_at: row.created_at }).where('id', '=', client.id).execute();
          await audit(trx, auth, { practiceId: auth.practiceId, clientId: client.id, action: 'recorded a session' }, row.created_at);
        });
        return reply.code(201).send(presentSessionAt(row, visit?.id ?? null));
      },
    );

    app.get(
      '/clients/:id/sessions',
      {
        schema: {
          tags: ['sessions'],
          summary: "A client's sessions, newest first",
          params: idParams,
          response: { 200: z.object({ sessions: z.array(sessionSchema) }), 404: errorSchema },
        },
      },
      async (req) => {
        const auth = authOf(req);
        const client = await findVisibleClient(db, auth, req.params.id);
        await audit(
          db,
          auth,
          { practiceId: auth.practiceId, clientId: client.id, action: 'read session notes' },
          clock.now().toISOString(),
        );
        const rows = await db
          .selectFrom('session_records')
          .selectAll()
          .where('client_id', '=', client.id)
          .orderBy('date', 'desc')
          .orderBy('created_at', 'desc')
          .execute();
        const visits = rows.length
          ? await db
              .selectFrom('appointments')
              .select(['id', 'recorded_session_id'])
              .where('client_id', '=', client.id)
              .where('recorded_session_id', 'is not', null)
              .execute()
          : [];
        const visitOf = new Map(visits.map((v) => [v.recorded_session_id, v.id]));
        return { sessions: rows.map((r) => presentSessionAt(r, visitOf.get(r.id) ?? null)) };
      },
    );

    app.get(
      '/sessions/:id',
      {
        schema: { tags: ['sessions'], summary: 'One session record', params: idParams, response: { 200: sessionSchema, 404: errorSchema } },
      },
      async (req) => {
        const auth = authOf(req);
        const row = await findVisibleSession(db, auth, req.params.id);
        await audit(
          db,
          auth,
          { practiceId: auth.practiceId, clientId: row.client_id, action: 'read a session note' },
          clock.now().toISOString(),
        );
        return presentSessionAt(row, await visitOfSession(db, row.id));
      },
    );

    app.patch(
      '/sessions/:id',
      {
        schema: {
          tags: ['sessions'],
          summary: 'Correct a session record',
          params: idParams,
          body: sessionPatch,
          response: { 200: sessionSchema, 400: errorSchema, 404: errorSchema },
        },
      },
      async (req) => {
        const auth = authOf(req);
        const row = await findVisibleSession(db, auth, req.params.id);
        const b = req.body;
        if (b.date) checkSessionDate(b.date, clock.now());
        const next: SessionRecordTable = {
          ...row,
          date: b.date ?? row.date,
          areas_worked: b.areasWorked ? JSON.stringify(b.areasWorked) : row.areas_worked,
          areas_more_time: b.areasNeedingMoreTime ? JSON.stringify(b.areasNeedingMoreTime) : row.areas_more_time,
          findings: b.findings ? JSON.stringify(b.findings) : row.findings,
          focus_complaints: b.focusComplaints ? JSON.stringify(b.focusComplaints) : row.focus_complaints,
          notes: b.notes === undefined ? row.notes : b.notes,
          subjective: b.subjective === undefined ? row.subjective : b.subjective,
          assessment: b.assessment === undefined ? row.assessment : b.assessment,
          updated_at: clock.now().toISOString(),
        };
        await db.transaction().execute(async (trx) => {
          const { id, practice_id, client_id, created_at, ...changes } = next;
          await trx.updateTable('session_records').set(changes).where('id', '=', id).execute();
          await audit(trx, auth, { practiceId: auth.practiceId, clientId: row.client_id, action: 'changed a session' }, next.updated_at);
        });
        return presentSessionAt(next, await visitOfSession(db, next.id));
      },
    );
  };
}
