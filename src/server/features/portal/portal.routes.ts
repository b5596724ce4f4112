import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, okSchema } from '../../../shared/api/common.js';
import { checkInBody, checkInSchema, portalSchema, questionBody, questionSchema, reminderBody } from '../../../shared/api/portal.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../http/errors.js';
import { portalAssets, sendCompressedHtml } from '../../page-kit/assets.js';
import { linkOpener, perLinkAndAddress } from '../clients/client-link.repository.js';
import { renderLinkProblem } from './page/render.js';
import { renderUnsubscribePage } from './page/render-unsubscribe.js';
import { clientPages } from './page-snapshot.js';
import { askQuestion, checkInClient, chooseReminders, recordCheckIn } from './portal.service.js';

const tokenParams = z.object({ token: z.string().min(20).max(100) });
const errors = { 400: errorSchema, 404: errorSchema, 429: errorSchema };

export function portalRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db, clock, storage } = deps;
  const openLink = linkOpener(deps);
  const pages = clientPages(deps);

  return async (app) => {
    // Mail clients send the one-click unsubscribe as a form (RFC 8058); so does the button on the unsubscribe page.
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_req, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );

    // Every portal call starts here: throttled guessing, then the client behind the link.
    const open = (req: { ip: string; params: { token: string } }) => openLink(req.ip, req.params.token);

    app.get(
      '/portal/:token',
      {
        config: { public: true, clientLink: true },
        schema: {
          tags: ['client page'],
          summary: "The client's page: homework, the last 14 days, questions, goals",
          params: tokenParams,
          response: { 200: portalSchema, ...errors },
        },
      },
      // The page kept ready (page-snapshot.ts), already encoded by portalSchema: Fastify sends a JSON string as it is.
      async (req, reply) => reply.type('application/json; charset=utf-8').send((await pages('json', req.ip, req.params.token)) as never),
    );

    app.post(
      '/portal/:token/checkins',
      {
        config: { public: true, clientLink: true, rateLimit: { max: 120, timeWindow: '1 minute', keyGenerator: perLinkAndAddress } },
        schema: {
          tags: ['client page'],
          summary:
            'Done today (or undo), and how it felt. One per item per day in the client’s time zone; sending it again changes it, never duplicates it',
          params: tokenParams,
          body: checkInBody,
          response: { 200: checkInSchema, ...errors },
        },
      },
      // A live link goes straight to the write; any other goes through the opener, which counts guesses and says why.
      async (req) =>
        recordCheckIn(deps, (!openLink.refused(req.ip) && (await checkInClient(db, req.params.token))) || (await open(req)), req.body),
    );

    app.post(
      '/portal/:token/questions',
      {
        config: { public: true, rateLimit: { max: 10, timeWindow: '1 hour', keyGenerator: perLinkAndAddress } },
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

    // The "stop emails" link in every mail. Opening it only shows a page with one button (mail scanners open
    // links); the button, or a mail client's one-click unsubscribe (RFC 8058), POSTs to the same address.
    const unsubscribePage = async (req: FastifyRequest, token: string, reply: FastifyReply, stop: boolean) => {
      let client: Awaited<ReturnType<typeof openLink>>;
      try {
        client = await openLink(req.ip, token);
      } catch (err) {
        if (!(err instanceof AppError) || (err.statusCode !== 404 && err.statusCode !== 429)) throw err;
        reply.code(err.statusCode).header('x-robots-tag', 'noindex, nofollow');
        return sendCompressedHtml(req, reply, renderLinkProblem(portalAssets().urls, err.statusCode === 404 ? 'invalid' : 'busy'));
      }
      const already = client.unsubscribed_at !== null;
      if (stop && !already) await stopMail(client);
      const state = !stop ? (already ? 'already' : 'ask') : already ? 'already' : 'stopped';
      reply.header('x-robots-tag', 'noindex, nofollow');
      const page = {
        practiceName: client.practiceName,
        action: `/api/v1/portal/${token}/unsubscribe`,
        homePage: `/c/${token}`,
        state,
      } as const;
      return sendCompressedHtml(req, reply, renderUnsubscribePage(portalAssets().urls, page));
    };
    const stopMail = (client: { id: string; unsubscribed_at: string | null }) =>
      db
        .updateTable('clients')
        .set({ unsubscribed_at: client.unsubscribed_at ?? clock.now().toISOString(), reminder_rhythm: 'none' })
        .where('id', '=', client.id)
        .execute();

    app.get(
      '/portal/:token/unsubscribe',
      {
        config: { public: true },
        schema: {
          tags: ['client page'],
          summary: 'A page asking "Stop emails?" with one button; opening it changes nothing',
          params: tokenParams,
        },
      },
      async (req, reply) => unsubscribePage(req, req.params.token, reply, false),
    );

    app.post(
      '/portal/:token/unsubscribe',
      {
        config: { public: true },
        schema: {
          tags: ['client page'],
          summary: 'Stop all mail to this client: the one-click unsubscribe (RFC 8058), or the button on the page',
          params: tokenParams,
          response: { 200: okSchema, ...errors },
        },
      },
      async (req, reply) => {
        if ((req.body as { from?: unknown } | undefined)?.from === 'page') return unsubscribePage(req, req.params.token, reply, true);
        const client = await open(req);
        await stopMail(client);
        return { ok: true as const };
      },
    );

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
