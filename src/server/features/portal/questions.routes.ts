import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, idParams, okSchema } from '../../../shared/api/common.js';
import { answerBody, inboxQuestionSchema } from '../../../shared/api/portal.js';
import type { AppDeps } from '../../deps.js';
import { queueEmail } from '../../email/outbox.js';
import { fromPractice, stopEmails } from '../../email/sender.js';
import { authOf } from '../../http/auth.js';
import { notFound } from '../../http/errors.js';
import { issueClientLink } from '../clients/client-link.js';
import { audit, findVisibleClient, visibleClients } from '../clients/clients.repository.js';
import { answerEmail } from './portal.emails.js';

export function questionsRoutes({ db, clock, config }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/questions',
      {
        schema: {
          tags: ['questions'],
          summary: 'Questions from clients: open ones first, or all; ?clientId= for one client',
          querystring: z.object({ status: z.enum(['open', 'all']).default('open'), clientId: z.string().uuid().optional() }),
          response: { 200: z.object({ questions: z.array(inboxQuestionSchema) }) },
        },
      },
      async (req) => {
        const auth = authOf(req);
        let q = visibleClients(db.selectFrom('clients'), auth)
          .innerJoin('questions as q', 'q.client_id', 'clients.id')
          .select([
            'q.id',
            'q.text',
            'q.asked_at',
            'q.answer',
            'q.answered_at',
            'clients.id as clientId',
            'clients.first_name',
            'clients.last_name',
          ]);
        if (req.query.status === 'open') q = q.where('q.answered_at', 'is', null);
        if (req.query.clientId) q = q.where('clients.id', '=', req.query.clientId);
        const rows = await q.orderBy('q.asked_at', 'desc').limit(200).execute();
        // One entry per read: the client's when filtered to one, otherwise the practice's inbox.
        const clientId = req.query.clientId ? (rows[0]?.clientId ?? null) : null;
        const action = req.query.clientId ? 'read questions' : 'read the questions inbox';
        if (!req.query.clientId || clientId)
          await audit(db, auth, { practiceId: auth.practiceId, clientId, action }, clock.now().toISOString());
        return {
          questions: rows.map((r) => ({
            id: r.id,
            text: r.text,
            askedAt: r.asked_at,
            answer: r.answer,
            answeredAt: r.answered_at,
            clientId: r.clientId,
            clientName: `${r.first_name} ${r.last_name}`.trim(),
          })),
        };
      },
    );

    app.post(
      '/questions/:id/answer',
      {
        schema: {
          tags: ['questions'],
          summary: 'Answer a question; the answer is emailed to the client with their page link',
          params: idParams,
          body: answerBody,
          response: { 200: inboxQuestionSchema, 400: errorSchema, 404: errorSchema },
        },
      },
      async (req) => {
        const auth = authOf(req);
        const question = await db
          .selectFrom('questions')
          .selectAll()
          .where('id', '=', req.params.id)
          .where('practice_id', '=', auth.practiceId)
          .executeTakeFirst();
        if (!question) throw notFound('That question');
        // Another therapist's client's question reads as no question at all.
        const client = await findVisibleClient(db, auth, question.client_id).catch(() => {
          throw notFound('That question');
        });
        const practice = await db
          .selectFrom('practices')
          .select(['name', 'sender_name', 'reply_to'])
          .where('id', '=', auth.practiceId)
          .executeTakeFirstOrThrow();
        const now = clock.now().toISOString();
        const url = await issueClientLink(db, clock, { practiceId: auth.practiceId, clientId: client.id, publicUrl: config.publicUrl });
        const therapistName = auth.member?.name ?? fromPractice(practice).fromName;
        await db.transaction().execute(async (trx) => {
          await trx
            .updateTable('questions')
            .set({ answer: req.body.text, answered_at: now, answered_by: auth.member?.id ?? null })
            .where('id', '=', question.id)
            .execute();
          if (client.email && !client.unsubscribed_at) {
            await queueEmail(trx, clock, {
              practiceId: auth.practiceId,
              clientId: client.id,
              to: client.email,
              ...fromPractice(practice, auth.member?.email),
              headers: stopEmails(url).headers,
              ...answerEmail({
                firstName: client.first_name,
                practiceName: practice.name,
                therapistName,
                question: question.text,
                answer: req.body.text,
                url,
              }),
            });
          }
          await audit(trx, auth, { practiceId: auth.practiceId, clientId: client.id, action: 'answered a question' }, now);
        });
        return {
          id: question.id,
          text: question.text,
          askedAt: question.asked_at,
          answer: req.body.text,
          answeredAt: now,
          clientId: client.id,
          clientName: `${client.first_name} ${client.last_name}`.trim(),
        };
      },
    );

    app.post(
      '/clients/:id/link/revoke',
      {
        schema: {
          tags: ['homework'],
          summary: "Stop every link to the client's page; make a new one with POST /clients/:id/link",
          params: idParams,
          response: { 200: okSchema, 404: errorSchema },
        },
      },
      async (req) => {
        const auth = authOf(req);
        const client = await findVisibleClient(db, auth, req.params.id);
        const now = clock.now().toISOString();
        await db
          .updateTable('client_links')
          .set({ revoked_at: now })
          .where('client_id', '=', client.id)
          .where('revoked_at', 'is', null)
          .execute();
        await audit(db, auth, { practiceId: auth.practiceId, clientId: client.id, action: 'revoked page links' }, now);
        return { ok: true as const };
      },
    );
  };
}
