import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { intakeLinkBody, intakeLinkSchema, publicIntakeBody, publicIntakeView } from '../../../shared/api/clients.js';
import { errorSchema, idParams, okSchema } from '../../../shared/api/common.js';
import { intakeColumns } from '../../db/stored.js';
import type { AppDeps } from '../../deps.js';
import { queueEmail } from '../../email/outbox.js';
import { fromCarryover, fromPractice } from '../../email/sender.js';
import { authOf } from '../../http/auth.js';
import { AppError } from '../../http/errors.js';
import { hashToken, newToken } from '../../http/tokens.js';
import { intakeFilledEmail, intakeLinkEmail } from './clients.emails.js';
import { audit, findVisibleClient, presentClient } from './clients.repository.js';
import { consentAfter } from './email-consent.js';
import { scheduleNextReminder } from './reminders.js';

const LINK_DAYS = 7;
const tokenParams = z.object({ token: z.string().min(20).max(100) });
const gone = () => new AppError(404, 'link_invalid', 'This form link has expired or was already used. Ask your therapist for a new one.');

export function intakeRoutes({ db, clock, config }: AppDeps): FastifyPluginAsyncZod {
  async function openLink(token: string) {
    const link = await db
      .selectFrom('intake_links as l')
      .innerJoin('clients as c', 'c.id', 'l.client_id')
      .innerJoin('practices as p', 'p.id', 'l.practice_id')
      .selectAll('c')
      .select(['l.token_hash', 'l.expires_at', 'l.created_by', 'p.name as practiceName', 'p.sender_name', 'p.reply_to'])
      .where('l.token_hash', '=', hashToken(token))
      .where('l.used_at', 'is', null)
      .executeTakeFirst();
    if (!link || link.expires_at <= clock.now().toISOString()) throw gone();
    return link;
  }

  return async (app) => {
    app.post(
      '/clients/:id/intake-link',
      {
        schema: {
          tags: ['clients'],
          summary: 'Make a single-use intake link for the client (7 days); send:true also emails it',
          params: idParams,
          body: intakeLinkBody,
          response: { 201: intakeLinkSchema, 400: errorSchema, 404: errorSchema },
        },
      },
      async (req, reply) => {
        const auth = authOf(req);
        const client = await findVisibleClient(db, auth, req.params.id);
        if (req.body.send && !client.email)
          throw new AppError(400, 'no_email', 'Add the client’s email first, or show them the link.', { send: 'This client has no email' });
        if (req.body.send && client.unsubscribed_at)
          throw new AppError(409, 'unsubscribed', 'This client asked for no more email. Show them the link instead.', {
            send: 'Asked for no email',
          });
        const token = newToken();
        const now = clock.now();
        const expiresAt = new Date(now.getTime() + LINK_DAYS * 86_400_000).toISOString();
        const url = `${config.publicUrl}/intake/${token}`;
        const practice = await db
          .selectFrom('practices')
          .select(['name', 'sender_name', 'reply_to'])
          .where('id', '=', auth.practiceId)
          .executeTakeFirstOrThrow();
        await db.transaction().execute(async (trx) => {
          // A new link replaces any earlier one that was not used.
          await trx.deleteFrom('intake_links').where('client_id', '=', client.id).where('used_at', 'is', null).execute();
          await trx
            .insertInto('intake_links')
            .values({
              token_hash: hashToken(token),
              practice_id: auth.practiceId,
              client_id: client.id,
              created_by: auth.member?.id ?? null,
              expires_at: expiresAt,
              used_at: null,
              created_at: now.toISOString(),
            })
            .execute();
          if (req.body.send && client.email) {
            await queueEmail(trx, clock, {
              practiceId: auth.practiceId,
              clientId: client.id,
              to: client.email,
              ...fromPractice(practice, auth.member?.email),
              ...intakeLinkEmail({
                firstName: client.first_name,
                practiceName: practice.name,
                signedBy: fromPractice(practice).fromName,
                url,
                days: LINK_DAYS,
              }),
            });
          }
          await audit(
            trx,
            auth,
            { practiceId: auth.practiceId, clientId: client.id, action: req.body.send ? 'emailed an intake link' : 'made an intake link' },
            now.toISOString(),
          );
        });
        return reply.code(201).send({ url, expiresAt, emailed: Boolean(req.body.send) });
      },
    );

    app.get(
      '/intake/:token',
      {
        config: { public: true, rateLimit: { max: 30, timeWindow: '15 minutes' } },
        schema: {
          tags: ['intake form'],
          summary: 'The intake form behind a link',
          params: tokenParams,
          response: { 200: publicIntakeView, 404: errorSchema },
        },
      },
      async (req) => {
        const link = await openLink(req.params.token);
        const client = presentClient(link);
        return {
          practiceName: link.practiceName,
          firstName: client.firstName,
          intake: client.intake,
          consentToEmail: client.consentToEmail,
          expiresAt: link.expires_at,
        };
      },
    );

    app.post(
      '/intake/:token',
      {
        config: { public: true, rateLimit: { max: 10, timeWindow: '15 minutes' } },
        schema: {
          tags: ['intake form'],
          summary: 'The client sends their intake form (once)',
          params: tokenParams,
          body: publicIntakeBody,
          response: { 200: okSchema, 400: errorSchema, 404: errorSchema },
        },
      },
      async (req) => {
        const link = await openLink(req.params.token);
        const now = clock.now().toISOString();
        const { consentToEmail, phone, timezone, ...intake } = req.body;
        const current = presentClient(link);
        const merged = { ...intake, referredByClientId: current.intake.referredByClientId ?? null };
        const therapist = await db
          .selectFrom('members')
          .select(['email', 'name'])
          .where('id', '=', link.therapist_id ?? link.created_by ?? '')
          .executeTakeFirst();
        await db.transaction().execute(async (trx) => {
          const used = await trx
            .updateTable('intake_links')
            .set({ used_at: now })
            .where('token_hash', '=', link.token_hash)
            .where('used_at', 'is', null)
            .executeTakeFirst();
          if (Number(used.numUpdatedRows) !== 1) throw gone();
          await trx
            .updateTable('clients')
            .set({
              ...intakeColumns(merged),
              ...consentAfter(link, consentToEmail, 'intake', now),
              phone: phone === undefined ? link.phone : phone,
              timezone: timezone === undefined ? link.timezone : timezone,
              intake_completed_at: now,
              updated_at: now,
            })
            .where('id', '=', link.id)
            .execute();
          await audit(
            trx,
            null,
            { practiceId: link.practice_id, clientId: link.id, action: 'completed the intake form', actor: 'Client (intake link)' },
            now,
          );
          if (therapist) {
            await queueEmail(trx, clock, {
              practiceId: link.practice_id,
              clientId: link.id,
              to: therapist.email,
              ...fromCarryover(),
              ...intakeFilledEmail({
                therapistName: therapist.name,
                clientName: `${link.first_name} ${link.last_name}`,
                url: `${config.publicUrl}/clients/${link.id}`,
              }),
            });
          }
        });
        await scheduleNextReminder(db, clock, link.id);
        return { ok: true as const };
      },
    );
  };
}
