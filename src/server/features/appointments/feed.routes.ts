import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema, okSchema } from '../../../shared/api/common.js';
import type { AppDeps } from '../../deps.js';
import { authOf } from '../../http/auth.js';
import { AppError } from '../../http/errors.js';
import { hashToken, newToken } from '../../http/tokens.js';
import { calendarFile } from './ics.js';

/** A private iCal feed per therapist, for their phone's calendar; revoking it stops the old address. */
export function feedRoutes({ db, clock, config }: AppDeps): FastifyPluginAsyncZod {
  const member = (req: Parameters<typeof authOf>[0]) => {
    const m = authOf(req).member;
    if (!m) throw new AppError(403, 'forbidden', 'A calendar feed belongs to a signed-in therapist.');
    return m;
  };
  return async (app) => {
    app.post(
      '/calendar-feed',
      {
        schema: {
          tags: ['appointments'],
          summary: 'Make (or replace) your private calendar feed address',
          response: { 201: z.object({ url: z.string() }), 403: errorSchema },
        },
      },
      async (req, reply) => {
        const auth = authOf(req);
        const m = member(req);
        const token = newToken();
        const now = clock.now().toISOString();
        await db.transaction().execute(async (trx) => {
          await trx
            .updateTable('calendar_feeds')
            .set({ revoked_at: now })
            .where('member_id', '=', m.id)
            .where('revoked_at', 'is', null)
            .execute();
          await trx
            .insertInto('calendar_feeds')
            .values({ token_hash: hashToken(token), practice_id: auth.practiceId, member_id: m.id, created_at: now, revoked_at: null })
            .execute();
        });
        return reply.code(201).send({ url: `${config.publicUrl}/api/v1/calendar/${token}.ics` });
      },
    );

    app.delete(
      '/calendar-feed',
      { schema: { tags: ['appointments'], summary: 'Stop your calendar feed', response: { 200: okSchema, 403: errorSchema } } },
      async (req) => {
        await db
          .updateTable('calendar_feeds')
          .set({ revoked_at: clock.now().toISOString() })
          .where('member_id', '=', member(req).id)
          .where('revoked_at', 'is', null)
          .execute();
        return { ok: true as const };
      },
    );

    app.get(
      '/calendar/:file',
      {
        config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: {
          tags: ['appointments'],
          summary: 'A therapist’s calendar feed (iCal), by its private address',
          params: z.object({ file: z.string().regex(/^[\w-]{20,100}\.ics$/) }),
        },
      },
      async (req, reply) => {
        const feed = await db
          .selectFrom('calendar_feeds as f')
          .innerJoin('practices as p', 'p.id', 'f.practice_id')
          .select(['f.member_id', 'f.practice_id', 'p.timezone', 'p.name'])
          .where('f.token_hash', '=', hashToken(req.params.file.replace(/\.ics$/, '')))
          .where('f.revoked_at', 'is', null)
          .executeTakeFirst();
        if (!feed) throw new AppError(404, 'not_found', 'This calendar address was stopped.');
        const since = new Date(clock.now().getTime() - 30 * 86_400_000).toISOString();
        const rows = await db
          .selectFrom('appointments as a')
          .innerJoin('clients as c', 'c.id', 'a.client_id')
          .selectAll('a')
          .select(['c.first_name', 'c.last_name'])
          .where('a.practice_id', '=', feed.practice_id)
          .where('a.therapist_id', '=', feed.member_id)
          .where('a.starts_at', '>=', since)
          .orderBy('a.starts_at')
          .limit(5000)
          .execute();
        // Only a name: a phone calendar is no place for health notes.
        const ics = calendarFile(
          rows.map((r) => ({ appointment: r, summary: `${r.first_name} ${r.last_name.charAt(0)}`.trim() })),
          { name: `${feed.name} · Carryover`, method: 'PUBLISH', timezone: feed.timezone },
        );
        return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(ics);
      },
    );
  };
}
