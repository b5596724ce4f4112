import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { referralCodeParams, referralRequestBody } from '../../../../shared/api/referrals.js';
import type { AppDeps } from '../../../deps.js';
import { AppError } from '../../../http/errors.js';
import { localDay } from '../../../local-time.js';
import { portalAssets, sendCompressedHtml } from '../../../page-kit/assets.js';
import { acceptForms, preferredTimesFrom, timeChoiceFields } from '../../../page-kit/forms.js';
import { referrerByCode, requestFromFriend } from '../referrals.service.js';
import { type Landing, renderReferralPage, renderReferralProblem, renderReferralThanks } from './render.js';

/*
 * The page behind a client's share link, /r/:code, as server-rendered HTML: it works without a script
 * (the form posts here and redirects to the thank-you), and with it the script calls the JSON API instead.
 * Throttled like the API routes it stands beside.
 */

type CodeRequest = FastifyRequest<{ Params: { code: string }; Querystring: { sent?: string } }>;
const HEADERS = { 'cache-control': 'no-store', 'x-robots-tag': 'noindex, nofollow' };
const page = { schema: { hide: true } };
// Every field as text; the API's own schema then checks them, so both doors accept exactly the same.
const friendForm = z
  .object({
    ...timeChoiceFields,
    name: z.string().max(200).optional(),
    email: z.string().max(300).optional(),
    phone: z.string().max(60).optional(),
    message: z.string().max(2000).optional(),
  })
  .strict();
const FIELD_NAMES: Record<string, string> = { name: 'your name', email: 'your email', phone: 'your phone number', message: 'your note' };

export function referralPageRoutes(deps: AppDeps) {
  const assets = portalAssets();

  /** Who shared the code and where, or null (with a friendly 404 sent) when the code is unknown or malformed. */
  async function landingOr(req: CodeRequest, reply: FastifyReply): Promise<Landing | null> {
    const code = referralCodeParams.safeParse(req.params);
    const referrer = code.success ? await referrerByCode(deps.db, code.data.code).catch(() => null) : null;
    if (!code.success || !referrer) {
      reply.code(404).headers(HEADERS);
      await sendCompressedHtml(req, reply, renderReferralProblem(assets.urls, 'unknown'));
      return null;
    }
    return {
      code: code.data.code,
      practiceName: referrer.practiceName,
      referrerFirstName: referrer.first_name,
      zone: referrer.practiceTimezone,
      today: localDay(deps.clock.now(), referrer.practiceTimezone),
    };
  }

  return async (app: FastifyInstance) => {
    acceptForms(app);
    // Too many tries gets a page, not JSON; anything else goes on to the app's own handler.
    app.setErrorHandler(async (err: FastifyError, req, reply) => {
      if (err.statusCode !== 429) throw err;
      reply.code(429).headers(HEADERS);
      return sendCompressedHtml(req, reply, renderReferralProblem(assets.urls, 'busy'));
    });

    app.get('/r/:code', { ...page, config: { public: true, rateLimit: { max: 30, timeWindow: '10 minutes' } } }, async (req, reply) => {
      const r = req as CodeRequest;
      const landing = await landingOr(r, reply);
      if (!landing) return reply;
      reply.headers(HEADERS);
      const html = r.query.sent ? renderReferralThanks(landing, assets.urls) : renderReferralPage(landing, assets.urls);
      return sendCompressedHtml(req, reply, html);
    });

    app.post('/r/:code', { ...page, config: { public: true, rateLimit: { max: 5, timeWindow: '1 hour' } } }, async (req, reply) => {
      const r = req as CodeRequest;
      const landing = await landingOr(r, reply);
      if (!landing) return reply;
      const fields = (req.body ?? {}) as Record<string, string | undefined>;
      try {
        const form = friendForm.safeParse(fields);
        if (!form.success) throw new AppError(400, 'invalid', 'Please check what you wrote.');
        const { name, email, phone, message } = form.data;
        const preferredTimes = preferredTimesFrom(form.data, landing.zone, deps.clock.now());
        const body = referralRequestBody.safeParse({ name, email, phone, message, preferredTimes });
        if (!body.success) {
          const issue = body.error.issues[0];
          const field = FIELD_NAMES[String(issue?.path[0])];
          throw new AppError(400, 'invalid', field ? `Please check ${field}: ${issue.message}.` : 'Please check what you wrote.');
        }
        await requestFromFriend(deps, landing.code, body.data);
        return reply.redirect(`/r/${encodeURIComponent(landing.code)}?sent=1`, 303);
      } catch (err) {
        if (!(err instanceof AppError) || err.statusCode !== 400) throw err;
        reply.code(400).headers(HEADERS);
        return sendCompressedHtml(req, reply, renderReferralPage(landing, assets.urls, { values: fields, error: err.message }));
      }
    });
  };
}
