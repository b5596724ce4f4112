import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ZodType, z } from 'zod';
import { checkInBody, HOMEWORK_REPORTS, type HomeworkReport, questionBody, reminderBody } from '../../../../shared/api/portal.js';
import type { AppDeps } from '../../../deps.js';
import { AppError } from '../../../http/errors.js';
import { portalAssets, sendAsset, sendCompressedHtml } from '../../../page-kit/assets.js';
import { acceptForms, preferredTimesFrom, timeChoiceFields } from '../../../page-kit/forms.js';
import { reportHomework } from '../../appointments/appointments.repository.js';
import { nextAppointmentOf } from '../../appointments/appointments.service.js';
import { calendarFile } from '../../appointments/ics.js';
import { type LinkedClient, linkOpener, perLinkAndAddress } from '../../clients/client-link.repository.js';
import { logClientProgress } from '../../goals/goals.service.js';
import { requestFromClient } from '../../referrals/referrals.service.js';
import { clientPageHtml, clientPages } from '../page-snapshot.js';
import { askQuestion, chooseReminders, recordCheckIn } from '../portal.service.js';
import { FLASHES, renderLinkProblem } from './render.js';

/*
 * The client's page as server-rendered HTML at /c/:token (the link in emails, handouts and QR codes),
 * its files, its web app manifest and its service worker. The forms post here too, so the page works
 * without its script; with it, the script talks to the JSON API instead.
 */

type TokenRequest = FastifyRequest<{ Params: { token: string }; Querystring: { saved?: string; went?: string } }>;
const page = { config: { public: true }, schema: { hide: true } };
const PRIVATE_HTML = { 'cache-control': 'no-store', 'x-robots-tag': 'noindex, nofollow' };
// The Done button posts done=true or done=false as text.
const checkInForm = z.preprocess((b) => ({ ...(b as object), done: (b as { done?: string } | undefined)?.done === 'true' }), checkInBody);
const bookingForm = z
  .object({ ...timeChoiceFields, message: z.string().trim().max(1000, 'Keep the note under 1000 characters').optional() })
  .strict();
const goalForm = z
  .object({
    goalId: z.string().uuid('That is not one of your goals.'),
    // A phone may type "1,5" for one and a half.
    value: z.preprocess(
      (v) => (typeof v === 'string' ? Number(v.trim().replace(',', '.')) : v),
      z.number({ error: 'Write a number, like 2.' }).min(-1_000_000, 'That number is too small.').max(1_000_000, 'That number is too big.'),
    ),
  })
  .strict();
const wentForm = z.object({ went: z.enum(HOMEWORK_REPORTS, { error: 'Pick one answer.' }) }).strict();
/** Rate limits as the matching JSON API routes have them. */
const perHour = (max: number) => ({ max, timeWindow: '1 hour' });

export function portalPageRoutes(deps: AppDeps) {
  const openLink = linkOpener(deps);
  const pages = clientPages(deps);
  const assets = portalAssets();

  /** The client behind the link, or a friendly page (404 or 429) that says nothing about anyone. */
  async function clientOr(req: TokenRequest, reply: FastifyReply): Promise<LinkedClient | null> {
    return orLinkProblem(req, reply, () => openLink(req.ip, req.params.token));
  }
  async function orLinkProblem<T>(req: TokenRequest, reply: FastifyReply, open: () => Promise<T>): Promise<T | null> {
    try {
      return await open();
    } catch (err) {
      if (!(err instanceof AppError) || (err.statusCode !== 404 && err.statusCode !== 429)) throw err;
      reply.code(err.statusCode).headers(PRIVATE_HTML);
      await sendCompressedHtml(req, reply, renderLinkProblem(assets.urls, err.statusCode === 404 ? 'invalid' : 'busy'));
      return null;
    }
  }

  /** A form posted without the script: do what the API would, then show the page again (post, redirect, get). */
  function formRoute<T>(
    app: FastifyInstance,
    path: string,
    schema: ZodType<T>,
    act: (c: LinkedClient, body: T) => Promise<string>,
    rateLimit: { max: number; timeWindow: string } = { max: 60, timeWindow: '1 minute' },
  ) {
    const limit = { ...rateLimit, keyGenerator: perLinkAndAddress };
    app.post(`/c/:token/${path}`, { ...page, config: { public: true, rateLimit: limit } }, async (req, reply) => {
      const r = req as TokenRequest;
      const client = await clientOr(r, reply);
      if (!client) return reply;
      const parsed = schema.safeParse(req.body);
      const back = `/c/${r.params.token}`;
      try {
        if (!parsed.success) throw new AppError(400, 'invalid', parsed.error.issues[0]?.message ?? 'Please check what you wrote.');
        return reply.redirect(back + (await act(client, parsed.data)), 303);
      } catch (err) {
        if (!(err instanceof AppError) || err.statusCode !== 400) throw err;
        reply.code(400).headers(PRIVATE_HTML);
        return sendCompressedHtml(req, reply, renderLinkProblem(assets.urls, 'form', { message: err.message, back }));
      }
    });
  }

  return async (app: FastifyInstance) => {
    acceptForms(app);

    app.get('/c/:token', page, async (req, reply) => {
      const r = req as TokenRequest;
      const flash = FLASHES.find((f) => f === r.query.saved);
      const went = HOMEWORK_REPORTS.find((w): w is HomeworkReport => w === r.query.went);
      const token = r.params.token;
      // The plain address is the page kept ready (page-snapshot.ts); after a form, the page is made with its message.
      const body = await orLinkProblem(r, reply, async () =>
        flash || went
          ? (await clientPageHtml(deps, await openLink(req.ip, token), token, { flash, went })).html
          : pages('html', req.ip, token),
      );
      if (body === null) return reply;
      reply.headers(PRIVATE_HTML);
      return sendCompressedHtml(req, reply, body);
    });

    app.get('/c/:token/next.ics', page, async (req, reply) => {
      const r = req as TokenRequest;
      const client = await clientOr(r, reply);
      if (!client) return reply;
      const next = await nextAppointmentOf(deps.db, client.id, deps.clock.now());
      if (!next) return reply.code(404).type('text/plain').send('No visit is booked.');
      const ics = calendarFile([{ appointment: next, summary: `Massage at ${client.practiceName}`, location: client.practiceName }], {
        name: client.practiceName,
        method: 'PUBLISH',
        timezone: next.timezone,
      });
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-disposition', 'attachment; filename="next-visit.ics"')
        .send(ics);
    });

    app.get('/c/:token/manifest.webmanifest', page, async (req, reply) => {
      const r = req as TokenRequest;
      if (!(await clientOr(r, reply))) return reply;
      const start = `/c/${r.params.token}`;
      const { urls } = assets;
      reply.header('cache-control', 'no-cache').type('application/manifest+json');
      return JSON.stringify({
        name: 'Carryover — my homework',
        short_name: 'My homework',
        description: 'Your self-care homework from your massage therapist.',
        id: start,
        start_url: start,
        scope: '/c/',
        display: 'standalone',
        theme_color: '#2f6b63',
        background_color: '#f7f4ee',
        icons: [
          { src: urls.icon, sizes: 'any', type: 'image/svg+xml' },
          { src: urls.touchIcon, sizes: '192x192', type: 'image/png' },
          { src: urls.icon512, sizes: '512x512', type: 'image/png' },
          { src: urls.icon512, sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      });
    });

    formRoute(app, 'checkin', checkInForm, async (client, body) => {
      const saved = await recordCheckIn(deps, client, body);
      return `#item-${saved.homeworkId}`;
    });
    formRoute(app, 'question', questionBody, async (client, body) => {
      await askQuestion(deps, client, body.text);
      return '?saved=question#ask';
    });
    formRoute(app, 'reminders', reminderBody, async (client, body) => {
      await chooseReminders(deps, client, body.rhythm);
      return '?saved=reminders#reminders';
    });
    formRoute(
      app,
      'booking',
      bookingForm,
      async (client, body) => {
        const preferredTimes = preferredTimesFrom(body, client.zone, deps.clock.now());
        await requestFromClient(deps, client, { preferredTimes, ...(body.message && { message: body.message }) });
        return '?saved=booking#book';
      },
      perHour(5),
    );
    formRoute(
      app,
      'goal',
      goalForm,
      async (client, body) => {
        await logClientProgress(deps, client.id, body.goalId, { value: body.value });
        return '?saved=goal#goals';
      },
      perHour(30),
    );
    formRoute(
      app,
      'homework-report',
      wentForm,
      async (client, body) => {
        if (!(await reportHomework(deps, client.id, body.went)))
          throw new AppError(400, 'invalid', 'You have no visit booked, so there is nothing to tell yet.');
        return '?saved=went#went';
      },
      perHour(20),
    );

    app.get('/c/sw.js', page, async (req, reply) => {
      reply.header('cache-control', 'no-cache').header('service-worker-allowed', '/c/');
      return sendAsset(req, reply, assets.serviceWorker);
    });

    app.get('/portal-assets/:file', page, async (req, reply) => {
      const asset = assets.files.get((req.params as { file: string }).file);
      if (!asset) return reply.callNotFound();
      reply.header('cache-control', 'public, max-age=31536000, immutable');
      return sendAsset(req, reply, asset);
    });
  };
}
