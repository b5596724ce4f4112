import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorSchema, okSchema } from '../../../shared/api/common.js';
import { twoFactorCodeBody, twoFactorConfirmed, twoFactorStart } from '../../../shared/api/two-factor.js';
import type { AppDeps } from '../../deps.js';
import { authOf } from '../../http/auth.js';
import { AppError } from '../../http/errors.js';
import { confirmTwoFactor, startTwoFactor, turnOffTwoFactor } from './two-factor.js';

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 409: errorSchema, 429: errorSchema };
// Six-digit codes are guessable by volume: a handful of tries per member is plenty.
const perMember = {
  max: 10,
  timeWindow: '15 minutes',
  hook: 'preHandler' as const,
  keyGenerator: (req: { auth: { member: { id: string } | null } | null; ip: string }) => req.auth?.member?.id ?? req.ip,
};

function memberOf(req: Parameters<typeof authOf>[0]) {
  const auth = authOf(req);
  if (!auth.member) throw new AppError(400, 'not_a_member', 'An API key acts for the practice, not a person.');
  return auth.member;
}

export function twoFactorRoutes({ db, clock }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/me/two-factor',
      {
        schema: {
          tags: ['auth'],
          summary: 'Start turning on two-step sign-in: a secret and a QR code for an authenticator app',
          response: { 200: twoFactorStart, ...errors },
        },
      },
      async (req) => {
        const member = memberOf(req);
        return startTwoFactor({ db, clock, memberId: member.id, email: member.email, issuer: 'Carryover' });
      },
    );

    app.post(
      '/me/two-factor/confirm',
      {
        config: { rateLimit: perMember },
        schema: {
          tags: ['auth'],
          summary: 'Finish turning on two-step sign-in with a code from the app; answers the recovery codes once',
          body: twoFactorCodeBody,
          response: { 200: twoFactorConfirmed, ...errors },
        },
      },
      async (req) => {
        const member = memberOf(req);
        return { recoveryCodes: await confirmTwoFactor({ db, clock, memberId: member.id, code: req.body.code }) };
      },
    );

    app.delete(
      '/me/two-factor',
      {
        config: { rateLimit: perMember },
        schema: {
          tags: ['auth'],
          summary: 'Turn off two-step sign-in (needs a current code or a recovery code)',
          body: twoFactorCodeBody,
          response: { 200: okSchema, ...errors },
        },
      },
      async (req) => {
        const member = memberOf(req);
        const status = await db
          .selectFrom('practices')
          .select('require_two_factor')
          .where('id', '=', authOf(req).practiceId)
          .executeTakeFirstOrThrow();
        if (status.require_two_factor === 1) {
          throw new AppError(409, 'two_factor_required_by_practice', 'Your practice requires two-step sign-in, so it stays on.');
        }
        await turnOffTwoFactor({ db, clock, memberId: member.id, code: req.body.code });
        return { ok: true as const };
      },
    );
  };
}
