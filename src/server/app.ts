import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { trustProxyOption } from './config.js';
import { reportStoredProblemsTo } from './db/stored.js';
import type { AppDeps } from './deps.js';
import { deliverEmailJob } from './email/deliver.js';
import { DELIVER_EMAIL } from './email/outbox.js';
import { apiKeysRoutes } from './features/api-keys/api-keys.routes.js';
import { appointmentsRoutes } from './features/appointments/appointments.routes.js';
import { APPOINTMENT_REMINDER, appointmentReminderJob } from './features/appointments/appointments.service.js';
import { CHECKOUT_INVITE, checkoutInviteJob } from './features/appointments/checkout-invite.js';
import { feedRoutes } from './features/appointments/feed.routes.js';
import { LAPSE_SWEEP, lapseSweepJob } from './features/appointments/lapsed.js';
import { authRoutes } from './features/auth/auth.routes.js';
import { twoFactorRoutes } from './features/auth/two-factor.routes.js';
import { calendarSubscriptionsRoutes } from './features/calendar-import/subscriptions.routes.js';
import { CALENDAR_SWEEP, calendarSweepJob } from './features/calendar-import/sweep.js';
import { clientsRoutes } from './features/clients/clients.routes.js';
import { emailStatusRoutes } from './features/clients/email-status.routes.js';
import { exportRoutes } from './features/clients/export.routes.js';
import { importRoutes } from './features/clients/import.routes.js';
import { intakeRoutes } from './features/clients/intake.routes.js';
import { HOMEWORK_REMINDER, homeworkReminderJob } from './features/clients/reminders.js';
import { sessionsRoutes } from './features/clients/sessions.routes.js';
import { dashboardRoutes } from './features/dashboard/dashboard.routes.js';
import { goalsRoutes } from './features/goals/goals.routes.js';
import { homeworkRoutes } from './features/homework/homework.routes.js';
import { homeworkMediaRoutes } from './features/homework/homework-media.routes.js';
import { sendRoutes } from './features/homework/send.routes.js';
import { drawingRoutes, publicDrawingRoutes } from './features/library/drawings.routes.js';
import { exercisesRoutes } from './features/library/exercises.routes.js';
import { builtInLibrary } from './features/library/library.js';
import { mediaRoutes } from './features/library/media.routes.js';
import { packsRoutes } from './features/library/packs.routes.js';
import { mailboxRoutes } from './features/mailbox/mailbox.routes.js';
import { membersRoutes } from './features/members/members.routes.js';
import { keptReads } from './features/portal/kept-reads.js';
import { portalPageRoutes } from './features/portal/page/page.routes.js';
import { portalRoutes } from './features/portal/portal.routes.js';
import { questionsRoutes } from './features/portal/questions.routes.js';
import { checklistRoutes } from './features/practice/checklist.routes.js';
import { practiceRoutes } from './features/practice/practice.routes.js';
import { referralPageRoutes } from './features/referrals/page/referral-page.routes.js';
import { referralsRoutes } from './features/referrals/referrals.routes.js';
import { soapRoutes } from './features/today/soap.routes.js';
import { todayRoutes } from './features/today/today.routes.js';
import { authPlugin } from './http/auth.js';
import { installErrorHandling } from './http/error-handler.js';
import { checkHealth } from './http/health.js';
import { apiDocsCss, renderApiDocs } from './http/openapi-docs.js';
import { fixedSecurityHeaders, securityHeaders } from './http/security-headers.js';
import { createJobRunner, type JobRunner } from './jobs/runner.js';

// WEB_DIST_DIR lets several people build and test the web app side by side without sharing dist/.
export const WEB_DIST = process.env.WEB_DIST_DIR ?? new URL('../../dist/web/', import.meta.url).pathname;

export interface App {
  http: FastifyInstance;
  jobs: JobRunner;
  /** Routes reachable without signing in, as "METHOD /path". */
  publicRoutes: Set<string>;
  /** Every route registered, for the tests that walk them all. */
  routes: { method: string; url: string; public: boolean; body?: unknown }[];
}

/**
 * In development, logs a person reads: one coloured line each, through pino-pretty when it is
 * installed (a dev dependency). In production, JSON lines for whatever collects them.
 */
function prettyLogs(production: boolean) {
  if (production) return {};
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
  } catch {
    return {};
  }
  return {
    transport: {
      target: 'pino-pretty',
      options: { singleLine: true, translateTime: 'HH:MM:ss', ignore: 'pid,hostname,reqId', messageKey: 'msg' },
    },
  };
}

/** Builds the whole application from its parts; tests build it with their own database, clock and mail. */
export async function buildApp(deps: AppDeps, opts: { logger?: boolean } = {}): Promise<App> {
  const { config } = deps;
  builtInLibrary();
  const security = securityHeaders(config);
  // The kept client page is answered before Fastify sees the request (kept-reads.ts, decision 036).
  const kept = keptReads(deps, { security: fixedSecurityHeaders(security), log: () => http.log });
  const http: FastifyInstance = Fastify({
    serverFactory: (handler) => createServer(kept.wrap(handler)),
    logger:
      opts.logger === false || config.LOG_LEVEL === 'silent'
        ? false
        : {
            level: config.LOG_LEVEL,
            // Log the route pattern, never the URL: client links carry tokens and queries can carry health words.
            serializers: {
              req: (req) => ({ id: req.id, method: req.method, route: req.routeOptions?.url ?? 'unknown' }),
              res: (res) => ({ statusCode: res.statusCode }),
            },
            ...prettyLogs(config.production),
          },
    // One line per request, written in onResponse below, instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // Forwarded headers are believed only as configured (TRUST_PROXY; decision 019).
    trustProxy: trustProxyOption(config.TRUST_PROXY),
    bodyLimit: 1_048_576,
  });
  http.setValidatorCompiler(validatorCompiler);
  http.setSerializerCompiler(serializerCompiler);
  installErrorHandling(http);
  reportStoredProblemsTo(http.log);

  http.addHook('onResponse', (req, reply, done) => {
    req.log.info({ req, res: reply, ms: Math.round(reply.elapsedTime) }, 'answered');
    done();
  });

  // A callback, not an async function: it runs on every answer, and a promise per answer shows on the client page.
  http.addHook('onSend', (req, reply, payload, done) => {
    reply.header('x-request-id', req.id);
    // API answers are not kept, unless the route says otherwise (drawings and photos, with their own rules).
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    done(null, payload);
  });

  http.addHook('onRequest', (req, reply, done) => security(req.raw, reply.raw, (err) => done(err as Error | undefined)));
  await http.register(cookie);
  await http.register(multipart);
  await http.register(rateLimit, {
    global: false,
    allowList: config.RATE_LIMITS === 'off' ? () => true : undefined,
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      message: `Too many tries. Wait ${Math.ceil(ctx.ttl / 60_000)} minute(s) and try again.`,
    }),
  });
  await http.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Carryover', version: '1', description: 'Self-care homework for massage therapists.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'carryover_session' },
          apiKey: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await http.register(authPlugin, { db: deps.db, clock: deps.clock });

  const publicRoutes = new Set<string>();
  const routes: App['routes'] = [];
  http.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      routes.push({ method, url: route.url, public: Boolean(route.config?.public), body: route.schema?.body });
      if (route.config?.public) publicRoutes.add(`${method} ${route.url}`);
    }
  });

  await http.register(
    async (api) => {
      await api.register(authRoutes(deps));
      await api.register(twoFactorRoutes(deps));
      await api.register(practiceRoutes(deps));
      await api.register(checklistRoutes(deps));
      await api.register(membersRoutes(deps));
      await api.register(apiKeysRoutes(deps));
      await api.register(exercisesRoutes(deps));
      await api.register(packsRoutes(deps));
      await api.register(mediaRoutes(deps));
      await api.register(drawingRoutes(deps));
      await api.register(importRoutes(deps));
      await api.register(clientsRoutes(deps));
      await api.register(exportRoutes(deps));
      await api.register(emailStatusRoutes(deps));
      await api.register(sessionsRoutes(deps));
      await api.register(intakeRoutes(deps));
      await api.register(homeworkRoutes(deps));
      await api.register(homeworkMediaRoutes(deps));
      await api.register(sendRoutes(deps));
      await api.register(portalRoutes(deps));
      await api.register(questionsRoutes(deps));
      await api.register(appointmentsRoutes(deps));
      await api.register(feedRoutes(deps));
      await api.register(calendarSubscriptionsRoutes(deps));
      await api.register(referralsRoutes(deps));
      await api.register(goalsRoutes(deps));
      await api.register(dashboardRoutes(deps));
      await api.register(todayRoutes(deps));
      await api.register(soapRoutes(deps));
      if (deps.transport.kind === 'mailbox' && !config.SMTP_URL && !config.production) await api.register(mailboxRoutes(deps));
    },
    { prefix: '/api/v1' },
  );

  // The client's page (/c/:token) as server-rendered HTML, with its own small files and service worker.
  await http.register(portalPageRoutes(deps));
  // The built-in items' drawings, public like the library (/drawings/<slug>.svg).
  await http.register(publicDrawingRoutes());
  // A friend's landing page from a client's share link (/r/:code), rendered the same way.
  await http.register(referralPageRoutes(deps));
  http.get('/healthz', { config: { public: true }, schema: { hide: true } }, async (_req, reply) => {
    const health = await checkHealth(deps);
    return reply.code(health.status).send(health.body);
  });
  http.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => http.swagger());
  http.get('/api/docs', { config: { public: true }, schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/html; charset=utf-8').send(renderApiDocs(http.swagger() as never, publicRoutes)),
  );
  http.get('/api/docs.css', { config: { public: true }, schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/css').send(apiDocsCss),
  );

  if (existsSync(join(WEB_DIST, 'index.html'))) {
    await http.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: false,
      index: false,
      // The build writes .br and .gz beside each file (vite.config.ts); sent as they are.
      preCompressed: true,
      // Vite names every built file by its content, so a tablet keeps those for good; index.html is
      // asked for again each time, or an old one would point at files a new version removed.
      cacheControl: false,
      setHeaders: (res, path) => {
        const immutable = path.includes('/assets/');
        // The same address answers brotli, gzip or plain: a shared cache must keep them apart.
        res.setHeader('vary', 'accept-encoding');
        res.setHeader(
          'cache-control',
          immutable ? 'public, max-age=31536000, immutable' : path.endsWith('.html') ? 'no-cache' : 'public, max-age=3600',
        );
      },
    });
    // Client-side routes: any other GET that is not an API call gets the app.
    http.get('/*', { config: { public: true }, schema: { hide: true } }, async (req, reply) => {
      if (req.url.startsWith('/api/')) return reply.callNotFound();
      return reply.sendFile('index.html');
    });
  }

  const jobs = createJobRunner({
    db: deps.db,
    clock: deps.clock,
    log: http.log,
    handlers: {
      [HOMEWORK_REMINDER]: homeworkReminderJob({ db: deps.db, clock: deps.clock, config }),
      [APPOINTMENT_REMINDER]: appointmentReminderJob({ db: deps.db, clock: deps.clock, config }),
      [CHECKOUT_INVITE]: checkoutInviteJob({ db: deps.db, clock: deps.clock, storage: deps.storage }),
      [LAPSE_SWEEP]: lapseSweepJob({ db: deps.db, clock: deps.clock, config }),
      [CALENDAR_SWEEP]: calendarSweepJob({ db: deps.db, clock: deps.clock, config }),
      [DELIVER_EMAIL]: deliverEmailJob({
        db: deps.db,
        clock: deps.clock,
        transport: deps.transport,
        storage: deps.storage,
        fromAddress: config.MAIL_FROM,
        domain: new URL(config.publicUrl).hostname,
      }),
    },
  });
  http.addHook('preClose', (done) => {
    kept.close();
    done();
  });
  http.addHook('onClose', async () => {
    await jobs.stop();
  });
  return { http, jobs, publicRoutes, routes };
}
