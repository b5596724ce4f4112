import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { memberSchema, meResponse } from '../../../shared/api/auth.js';
import { errorSchema } from '../../../shared/api/common.js';
import {
  acceptInviteBody,
  deactivateMemberBody,
  invitationPreview,
  invitationSchema,
  inviteBody,
  memberDeactivated,
} from '../../../shared/api/practice.js';
import { isUniqueViolation } from '../../db/errors.js';
import type { AppDeps } from '../../deps.js';
import { queueEmail } from '../../email/outbox.js';
import { authOf } from '../../http/auth.js';
import { AppError, conflict } from '../../http/errors.js';
import { hashToken, newToken } from '../../http/tokens.js';
import { assertStrongPassword } from '../auth/password-strength.js';
import { hashPassword } from '../auth/passwords.js';
import { startSession } from '../auth/sessions.js';
import { twoFactorStatusOf } from '../auth/two-factor.js';
import { presentMember, presentSignedInPractice } from '../presenters.js';
import { deactivateMember } from './deactivate.js';
import { invitationEmail } from './members.emails.js';

const INVITE_DAYS = 7;
const goneInvite = () =>
  new AppError(404, 'invitation_invalid', 'This invitation is no longer valid. Ask the practice owner for a new one.');

export function membersRoutes({ db, clock, config }: AppDeps): FastifyPluginAsyncZod {
  async function openInvitation(token: string) {
    const inv = await db
      .selectFrom('invitations as i')
      .innerJoin('practices as p', 'p.id', 'i.practice_id')
      .select(['i.id', 'i.email', 'i.name', 'i.role', 'i.practice_id', 'i.expires_at', 'p.name as practiceName'])
      .where('i.token_hash', '=', hashToken(token))
      .where('i.accepted_at', 'is', null)
      .executeTakeFirst();
    if (!inv || inv.expires_at <= clock.now().toISOString()) throw goneInvite();
    return inv;
  }

  return async (app) => {
    app.get(
      '/members',
      { schema: { tags: ['team'], summary: 'The practice team', response: { 200: z.object({ members: z.array(memberSchema) }) } } },
      async (req) => {
        const rows = await db
          .selectFrom('members')
          .selectAll()
          .where('practice_id', '=', authOf(req).practiceId)
          .orderBy('created_at')
          .execute();
        return { members: rows.map(presentMember) };
      },
    );

    app.post(
      '/members/:id/deactivate',
      {
        config: { ownerOnly: true },
        schema: {
          tags: ['team'],
          summary: 'Deactivate a member who left: signed out, feed and keys revoked, clients moved to clientsTo (owner)',
          params: z.object({ id: z.string().uuid('Not a member of your practice') }),
          body: deactivateMemberBody,
          response: { 200: memberDeactivated, 400: errorSchema, 404: errorSchema, 409: errorSchema },
        },
      },
      async (req) => deactivateMember({ db, clock, auth: authOf(req), memberId: req.params.id, clientsTo: req.body.clientsTo }),
    );

    app.get(
      '/invitations',
      {
        config: { ownerOnly: true },
        schema: {
          tags: ['team'],
          summary: 'Invitations sent (owner)',
          response: { 200: z.object({ invitations: z.array(invitationSchema) }) },
        },
      },
      async (req) => {
        const rows = await db
          .selectFrom('invitations')
          .selectAll()
          .where('practice_id', '=', authOf(req).practiceId)
          .orderBy('created_at', 'desc')
          .execute();
        return {
          invitations: rows.map((r) => ({
            id: r.id,
            email: r.email,
            name: r.name,
            role: r.role,
            expiresAt: r.expires_at,
            acceptedAt: r.accepted_at,
          })),
        };
      },
    );

    app.post(
      '/invitations',
      {
        config: { ownerOnly: true, rateLimit: { max: 30, timeWindow: '1 hour' } },
        schema: {
          tags: ['team'],
          summary: 'Invite a therapist by email (owner)',
          body: inviteBody,
          response: { 201: invitationSchema, 400: errorSchema, 409: errorSchema },
        },
      },
      async (req, reply) => {
        const auth = authOf(req);
        const exists = await db.selectFrom('members').select('id').where('email', '=', req.body.email).executeTakeFirst();
        if (exists) throw conflict('Someone with this email already has a Carryover account.', 'email_taken');
        const token = newToken();
        const now = clock.now();
        const row = {
          id: randomUUID(),
          practice_id: auth.practiceId,
          email: req.body.email,
          name: req.body.name ?? null,
          role: req.body.role,
          token_hash: hashToken(token),
          invited_by: auth.member?.id ?? '',
          expires_at: new Date(now.getTime() + INVITE_DAYS * 86_400_000).toISOString(),
          accepted_at: null,
          created_at: now.toISOString(),
        };
        if (!auth.member) throw new AppError(400, 'not_a_member', 'Invite from a signed-in owner account.');
        const practice = await db.selectFrom('practices').select('name').where('id', '=', auth.practiceId).executeTakeFirstOrThrow();
        await db.transaction().execute(async (trx) => {
          await trx.insertInto('invitations').values(row).execute();
          await queueEmail(trx, clock, {
            ...invitationEmail({
              to: row.email,
              practiceName: practice.name,
              inviterName: auth.member!.name,
              link: `${config.publicUrl}/invite?token=${token}`,
              days: INVITE_DAYS,
            }),
            practiceId: auth.practiceId,
            replyTo: auth.member!.email,
          });
        });
        return reply
          .code(201)
          .send({ id: row.id, email: row.email, name: row.name, role: row.role, expiresAt: row.expires_at, acceptedAt: null });
      },
    );

    app.get(
      '/invitations/preview',
      {
        config: { public: true, rateLimit: { max: 30, timeWindow: '15 minutes' } },
        schema: {
          tags: ['team'],
          summary: 'What an invitation link is for',
          querystring: z.object({ token: z.string().min(10).max(200) }),
          response: { 200: invitationPreview, 404: errorSchema },
        },
      },
      async (req) => {
        const inv = await openInvitation(req.query.token);
        return { practiceName: inv.practiceName, email: inv.email, name: inv.name };
      },
    );

    app.post(
      '/invitations/accept',
      {
        config: { public: true, rateLimit: { max: 10, timeWindow: '15 minutes' } },
        schema: {
          tags: ['team'],
          summary: 'Accept an invitation: creates the account, signed in',
          body: acceptInviteBody,
          response: { 201: meResponse, 404: errorSchema, 409: errorSchema },
        },
      },
      async (req, reply) => {
        const inv = await openInvitation(req.body.token);
        assertStrongPassword(req.body.password, { email: inv.email, practiceName: inv.practiceName });
        const passwordHash = await hashPassword(req.body.password);
        const memberId = randomUUID();
        const now = clock.now().toISOString();
        try {
          await db.transaction().execute(async (trx) => {
            const took = await trx
              .updateTable('invitations')
              .set({ accepted_at: now })
              .where('id', '=', inv.id)
              .where('accepted_at', 'is', null)
              .executeTakeFirst();
            if (Number(took.numUpdatedRows) !== 1) throw goneInvite();
            await trx
              .insertInto('members')
              .values({
                id: memberId,
                practice_id: inv.practice_id,
                email: inv.email,
                name: req.body.name,
                password_hash: passwordHash,
                role: inv.role,
                created_at: now,
              })
              .execute();
          });
        } catch (err) {
          if (isUniqueViolation(err)) throw conflict('Someone with this email already has a Carryover account.', 'email_taken');
          throw err;
        }
        const csrfToken = await startSession({ db, clock, reply, memberId, secure: config.publicUrl.startsWith('https:') });
        const member = await db.selectFrom('members').selectAll().where('id', '=', memberId).executeTakeFirstOrThrow();
        const practice = await db
          .selectFrom('practices')
          .select(['id', 'name', 'is_demo', 'timezone', 'time_format'])
          .where('id', '=', inv.practice_id)
          .executeTakeFirstOrThrow();
        return reply.code(201).send({
          member: presentMember(member),
          practice: presentSignedInPractice(practice),
          csrfToken,
          twoFactor: await twoFactorStatusOf(db, memberId),
        });
      },
    );
  };
}
