import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { csrfResponse, loginBody, meResponse, resetConfirmBody, resetRequestBody, signupBody } from '../../../shared/api/auth.js';
import { errorSchema, okSchema } from '../../../shared/api/common.js';
import { HOMEWORK_CAP } from '../../../shared/api/practice.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { AppDeps } from '../../deps.js';
import { queueEmail } from '../../email/outbox.js';
import { authOf } from '../../http/auth.js';
import { AppError, conflict, unauthorized } from '../../http/errors.js';
import { hashToken, newToken } from '../../http/tokens.js';
import { presentMember, presentSignedInPractice } from '../presenters.js';
import { passwordResetEmail } from './auth.emails.js';
import { checkLoginAllowed, clearLoginFailures, recordLoginFailure } from './login-guard.js';
import { assertStrongPassword } from './password-strength.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { endSession, startSession } from './sessions.js';
import { checkSecondStep, hasTwoFactor, twoFactorStatusOf } from './two-factor.js';

const RESET_MINUTES = 60;
const errors = { 400: errorSchema, 401: errorSchema, 409: errorSchema, 429: errorSchema };
const perEmail = (req: { ip: string; body?: unknown }) =>
  `${req.ip}:${String((req.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`;

export function authRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db, clock, config } = deps;
  const secure = config.publicUrl.startsWith('https:');

  async function meFor(memberId: string, csrfToken: string) {
    const row = await db
      .selectFrom('members as m')
      .innerJoin('practices as p', 'p.id', 'm.practice_id')
      .select([
        'm.id',
        'm.name',
        'm.email',
        'm.role',
        'm.created_at',
        'p.id as practiceId',
        'p.name as practiceName',
        'p.is_demo',
        'p.timezone',
        'p.time_format',
      ])
      .where('m.id', '=', memberId)
      .executeTakeFirstOrThrow();
    return {
      member: presentMember(row),
      practice: presentSignedInPractice({ ...row, id: row.practiceId, name: row.practiceName }),
      csrfToken,
      twoFactor: await twoFactorStatusOf(db, memberId),
    };
  }

  return async (app) => {
    app.post(
      '/auth/signup',
      {
        config: { public: true, rateLimit: { max: 20, timeWindow: '1 hour' } },
        schema: {
          tags: ['auth'],
          summary: 'Create a practice and its owner; signed in',
          body: signupBody,
          response: { 201: meResponse, ...errors },
        },
      },
      async (req, reply) => {
        assertStrongPassword(req.body.password, { email: req.body.email, practiceName: req.body.practiceName });
        const passwordHash = await hashPassword(req.body.password);
        const now = clock.now().toISOString();
        const practiceId = randomUUID();
        const memberId = randomUUID();
        try {
          await db.transaction().execute(async (trx) => {
            const taken = await trx.selectFrom('members').select('id').where('email', '=', req.body.email).executeTakeFirst();
            if (taken) throw conflict('An account with this email already exists. Sign in, or reset your password.', 'email_taken');
            await trx
              .insertInto('practices')
              .values({
                id: practiceId,
                name: req.body.practiceName,
                timezone: 'UTC',
                paper_size: 'letter',
                homework_cap: HOMEWORK_CAP.default,
                sender_name: null,
                reply_to: null,
                is_demo: 0,
                created_at: now,
              })
              .execute();
            await trx
              .insertInto('members')
              .values({
                id: memberId,
                practice_id: practiceId,
                email: req.body.email,
                name: req.body.name,
                password_hash: passwordHash,
                role: 'owner',
                created_at: now,
              })
              .execute();
          });
        } catch (err) {
          if (isUniqueViolation(err))
            throw conflict('An account with this email already exists. Sign in, or reset your password.', 'email_taken');
          throw err;
        }
        const csrfToken = await startSession({ db, clock, reply, memberId, secure });
        return reply.code(201).send(await meFor(memberId, csrfToken));
      },
    );

    app.post(
      '/auth/login',
      {
        config: { public: true, rateLimit: { max: 10, timeWindow: '15 minutes', keyGenerator: perEmail, hook: 'preHandler' } },
        schema: { tags: ['auth'], summary: 'Sign in', body: loginBody, response: { 200: meResponse, ...errors } },
      },
      async (req, reply) => {
        // A deactivated member is no account at all: the same answer as a wrong password.
        const member = await db
          .selectFrom('members')
          .select(['id', 'password_hash', 'email', 'name'])
          .where('email', '=', req.body.email)
          .where('deactivated_at', 'is', null)
          .executeTakeFirst();
        await checkLoginAllowed({ db, clock, reply, address: req.ip, memberId: member?.id ?? null });
        const failed = () =>
          recordLoginFailure({ db, clock, address: req.ip, member: member ?? null, resetLink: `${config.publicUrl}/forgot-password` });
        if (!(await verifyPassword(member?.password_hash, req.body.password)) || !member) {
          await failed();
          throw new AppError(401, 'bad_credentials', 'That email and password do not match an account.');
        }
        if (await hasTwoFactor(db, member.id)) {
          if (!req.body.code) throw new AppError(401, 'two_factor_required', 'Type the 6-digit code from your authenticator app.');
          if (!(await checkSecondStep({ db, clock, memberId: member.id, code: req.body.code }))) {
            await failed();
            throw new AppError(401, 'bad_code', 'That code is not right. Type the code your app shows now, or a recovery code.');
          }
        }
        await clearLoginFailures(db, member.id);
        const csrfToken = await startSession({ db, clock, reply, memberId: member.id, secure });
        return meFor(member.id, csrfToken);
      },
    );

    app.post('/auth/logout', { schema: { tags: ['auth'], summary: 'Sign out', response: { 200: okSchema } } }, async (req, reply) => {
      await endSession(db, reply, authOf(req).sessionHash);
      return { ok: true as const };
    });

    app.get(
      '/auth/csrf',
      {
        config: { public: true },
        schema: { tags: ['auth'], summary: 'The CSRF token of the current session', response: { 200: csrfResponse, 401: errorSchema } },
      },
      async (req) => {
        if (!req.auth?.csrfToken) throw unauthorized();
        return { csrfToken: req.auth.csrfToken };
      },
    );

    app.get(
      '/me',
      { schema: { tags: ['auth'], summary: 'Who is signed in', response: { 200: meResponse, 401: errorSchema } } },
      async (req) => {
        const auth = authOf(req);
        if (!auth.member) throw new AppError(400, 'not_a_member', 'An API key acts for the practice, not a person.');
        return meFor(auth.member.id, auth.csrfToken ?? '');
      },
    );

    app.post(
      '/auth/password-reset',
      {
        config: { public: true, rateLimit: { max: 5, timeWindow: '15 minutes', keyGenerator: perEmail, hook: 'preHandler' } },
        schema: {
          tags: ['auth'],
          summary: 'Email a single-use reset link (always answers 202)',
          body: resetRequestBody,
          response: { 202: okSchema, ...errors },
        },
      },
      async (req, reply) => {
        const member = await db
          .selectFrom('members')
          .select(['id', 'name', 'email'])
          .where('email', '=', req.body.email)
          .where('deactivated_at', 'is', null)
          .executeTakeFirst();
        if (member) {
          const token = newToken();
          const now = clock.now();
          await db.transaction().execute(async (trx) => {
            await trx
              .insertInto('password_resets')
              .values({
                token_hash: hashToken(token),
                member_id: member.id,
                expires_at: new Date(now.getTime() + RESET_MINUTES * 60_000).toISOString(),
                used_at: null,
                created_at: now.toISOString(),
              })
              .execute();
            await queueEmail(
              trx,
              clock,
              passwordResetEmail({
                to: member.email,
                name: member.name,
                link: `${config.publicUrl}/reset-password?token=${token}`,
                minutes: RESET_MINUTES,
              }),
            );
          });
        }
        return reply.code(202).send({ ok: true as const });
      },
    );

    app.post(
      '/auth/password-reset/confirm',
      {
        config: { public: true, rateLimit: { max: 10, timeWindow: '15 minutes' } },
        schema: {
          tags: ['auth'],
          summary: 'Set a new password with a reset link',
          body: resetConfirmBody,
          response: { 200: okSchema, ...errors },
        },
      },
      async (req) => {
        const owner = await db
          .selectFrom('password_resets as r')
          .innerJoin('members as m', 'm.id', 'r.member_id')
          .innerJoin('practices as p', 'p.id', 'm.practice_id')
          .select(['m.email', 'p.name as practiceName'])
          .where('r.token_hash', '=', hashToken(req.body.token))
          .executeTakeFirst();
        assertStrongPassword(req.body.password, owner ?? {});
        const passwordHash = await hashPassword(req.body.password);
        const now = clock.now().toISOString();
        await db.transaction().execute(async (trx) => {
          const reset = await trx
            .selectFrom('password_resets')
            .select(['member_id', 'expires_at'])
            .where('token_hash', '=', hashToken(req.body.token))
            .where('used_at', 'is', null)
            .executeTakeFirst();
          if (!reset || reset.expires_at <= now) {
            throw new AppError(400, 'invalid_token', 'This reset link has expired or was already used. Ask for a new one.');
          }
          const used = await trx
            .updateTable('password_resets')
            .set({ used_at: now })
            .where('token_hash', '=', hashToken(req.body.token))
            .where('used_at', 'is', null)
            .executeTakeFirst();
          if (Number(used.numUpdatedRows) !== 1) throw new AppError(400, 'invalid_token', 'This reset link was already used.');
          await trx.updateTable('members').set({ password_hash: passwordHash }).where('id', '=', reset.member_id).execute();
          // Every other reset link of this member stops working too: an older mail is no way back in.
          await trx
            .updateTable('password_resets')
            .set({ used_at: now })
            .where('member_id', '=', reset.member_id)
            .where('used_at', 'is', null)
            .execute();
          // A new password signs out every device, in case the old one was known to someone else.
          await trx.deleteFrom('auth_sessions').where('member_id', '=', reset.member_id).execute();
          await trx.deleteFrom('login_failures').where('member_id', '=', reset.member_id).execute();
        });
        return { ok: true as const };
      },
    );
  };
}
