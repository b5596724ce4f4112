import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, okSchema } from '../../../shared/api/common.js';
import { checkInBody, checkInSchema, portalSchema, questionBody, questionSchema, reminderBody } from '../../../shared/api/portal.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../http/errors.js';
import { linkOpener } from './portal.repository.js';
import { askQuestion, chooseReminders, portalView, recordCheckIn } from './portal.service.js';

const tokenParams = z.object({ token: z.string().min(20).max(100) });
const errors = { 400: errorSchema, 404: errorSchema, 429: errorSchema };

export function portalRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db, clock, storage } = deps;
  const openLink = linkOpener(deps);

  return async (app) => {
    // Mail clients send the one-click unsubscribe as a form (RFC 8058); its body carries nothing we need.
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_req, _body, done) =>
      done(null, {}),
    );

    // Every portal call starts here: throttled guessing, then the client behind the link.
    const open = (req: { ip: string; params: { token: string } }) => openLink(req.ip, req.params.token);

    app.get(
      '/portal/:token',
      {
        config: { public: true },
        schema: {
          tags: ['client page'],
          summary: "The client's page: homework, the last 14 days, questions, goals",
          params: tokenParams,
          response: { 200: portalSchema, ...errors },
        },
      },
      async (req) => portalView(deps, await open(req), req.params.token),
    );

    app.post(
      '/portal/:token/checkins',
      {
        config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
        schema: {
          tags: ['client page'],
          summary:
            'Done today (or undo), and how it felt. One per item per day in the client’s time zone; sending it again changes it, never duplicates it',
          params: tokenParams,
          body: checkInBody,
          response: { 200: checkInSchema, ...errors },
        },
      },
      async (req) => recordCheckIn(deps, await open(req), req.body),
    );

    app.post(
      '/portal/:token/questions',
      {
        config: { public: true, rateLimit: { max: 10, timeWindow: '1 hour' } },
        schema: {
          tags: ['client page'],
          summary: 'Ask the therapist a question; they are emailed',
          params: tokenParams,
          body: questionBody,
          response: { 201: questionSchema, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await askQuestion(deps, await open(req), req.body.text)),
    );

    app.put(
      '/portal/:token/reminders',
      {
        config: { public: true },
        schema: {
          tags: ['client page'],
          summary: 'Choose how often to be reminded (none stops them)',
          params: tokenParams,
          body: reminderBody,
          response: { 200: reminderBody, ...errors },
        },
      },
      async (req) => chooseReminders(deps, await open(req), req.body.rhythm),
    );

    // One-click unsubscribe (RFC 8058): the mail client POSTs here with no cookie and no token header.
    for (const method of ['GET', 'POST'] as const) {
      app.route({
        method,
        url: '/portal/:token/unsubscribe',
        config: { public: true },
        schema: {
          tags: ['client page'],
          summary: 'Stop all mail to this client, in one click',
          params: tokenParams,
          response: { 200: okSchema, ...errors },
        },
        handler: async (req) => {
          const client = await open(req);
          await db
            .updateTable('clients')
            .set({ unsubscribed_at: client.unsubscribed_at ?? clock.now().toISOString(), reminder_rhythm: 'none' })
            .where('id', '=', client.id)
            .execute();
          return { ok: true as const };
        },
      });
    }

    app.get(
      '/portal/:token/media/:id',
      {
        config: { public: true },
        schema: {
          tags: ['client page'],
          summary: 'A photo or video of one of this client’s items',
          params: tokenParams.extend({ id: z.string().uuid() }),
        },
      },
      async (req, reply) => {
        const client = await open(req);
        const row = await db
          .selectFrom('homework_media as m')
          .innerJoin('homework as h', 'h.id', 'm.homework_id')
          .select(['m.mime', 'm.bytes', 'm.storage_key'])
          .where('m.id', '=', req.params.id)
          .where('h.client_id', '=', client.id)
          .executeTakeFirst();
        if (!row) throw new AppError(404, 'not_found', 'That picture is not here any more.');
        return reply
          .type(row.mime)
          .header('content-length', row.bytes)
          .header('cache-control', 'private, max-age=86400')
          .send(storage.read(row.storage_key));
      },
    );
  };
}
