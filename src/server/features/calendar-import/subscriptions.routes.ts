import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { importedEventSchema, matchBody, subscriptionBody, subscriptionSchema } from '../../../shared/api/calendar-subscriptions.js';
import { errorSchema, idParams, okSchema } from '../../../shared/api/common.js';
import type { AppDeps } from '../../deps.js';
import { type Auth, authOf } from '../../http/auth.js';
import { AppError, notFound } from '../../http/errors.js';
import { findVisibleClient } from '../clients/clients.repository.js';
import { FeedError } from './feed-error.js';
import { feedUrl } from './fetch-feed.js';
import { findImportedEvent, presentImportedEvent, visibleSubscriptions } from './imported-events.repository.js';
import { loadFeed, refreshSubscription, type Subscription, storeFeed } from './refresh.js';

const errors = { 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema };
const MAX_PER_MEMBER = 5;

/** The address without its private part: enough to recognise, useless to read the calendar. */
const shortAddress = (url: string) => {
  const u = new URL(url);
  return `${u.protocol}//${u.host}/…`;
};

const presentSubscription = (s: Subscription) => ({
  id: s.id,
  memberId: s.member_id,
  address: shortAddress(s.url),
  name: s.name,
  status: s.status,
  lastUpdatedAt: s.last_success_at,
  lastAttemptAt: s.last_attempt_at,
  lastError: s.last_error,
  eventCount: s.event_count,
  createdAt: s.created_at,
});

const unreadable = (err: FeedError) => new AppError(400, `calendar_${err.problem.replace(/-/g, '_')}`, err.message, { url: err.message });

export function calendarSubscriptionsRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db, clock, config } = deps;

  async function whoseCalendar(auth: Auth, memberId: string | undefined): Promise<string> {
    if (auth.member?.role === 'therapist') {
      if (memberId && memberId !== auth.member.id) throw new AppError(403, 'forbidden', 'You can add only your own calendar.');
      return auth.member.id;
    }
    const id = memberId ?? auth.member?.id;
    if (!id) throw new AppError(400, 'invalid', 'Say whose calendar this is.', { memberId: 'Choose a therapist' });
    const member = await db
      .selectFrom('members')
      .select('id')
      .where('id', '=', id)
      .where('practice_id', '=', auth.practiceId)
      .executeTakeFirst();
    if (!member) throw new AppError(400, 'invalid', 'No such therapist in your practice.', { memberId: 'Not in your practice' });
    return id;
  }

  async function findSubscription(auth: Auth, id: string) {
    const sub = await visibleSubscriptions(db, auth).where('id', '=', id).executeTakeFirst();
    if (!sub) throw notFound('That calendar');
    return sub;
  }

  return async (app) => {
    app.post(
      '/calendar-subscriptions',
      {
        config: { rateLimit: { max: 30, timeWindow: '1 hour' } },
        schema: {
          tags: ['calendar'],
          summary:
            'Subscribe to a booking calendar by its private iCal address: read now (400 naming `url` when it cannot be), then every half hour; its events block those times',
          body: subscriptionBody,
          response: { 201: subscriptionSchema, ...errors },
        },
      },
      async (req, reply) => {
        const auth = authOf(req);
        const memberId = await whoseCalendar(auth, req.body.memberId);
        let url: URL;
        try {
          url = feedUrl(req.body.url);
        } catch (err) {
          if (err instanceof FeedError) throw unreadable(err);
          throw err;
        }
        const existing = await db.selectFrom('calendar_subscriptions').select(['url']).where('member_id', '=', memberId).execute();
        if (existing.some((s) => s.url === url.toString()))
          throw new AppError(409, 'conflict', 'That calendar is already added.', { url: 'Already added' });
        if (existing.length >= MAX_PER_MEMBER)
          throw new AppError(409, 'conflict', `A therapist can add at most ${MAX_PER_MEMBER} calendars.`, { url: 'Too many calendars' });
        const practice = await db.selectFrom('practices').select('timezone').where('id', '=', auth.practiceId).executeTakeFirstOrThrow();
        // Read before keeping anything: an address that does not work is refused with nothing stored.
        const feed = await loadFeed({ url: url.toString(), config, now: clock.now(), zone: practice.timezone }).catch((err) => {
          throw err instanceof FeedError ? unreadable(err) : err;
        });
        const now = clock.now().toISOString();
        const sub: Subscription = {
          id: randomUUID(),
          practice_id: auth.practiceId,
          member_id: memberId,
          url: url.toString(),
          name: feed.name,
          status: 'ok',
          last_success_at: now,
          last_attempt_at: now,
          last_error: null,
          event_count: 0,
          created_at: now,
        };
        await db.insertInto('calendar_subscriptions').values(sub).execute();
        await storeFeed(db, clock, sub, feed);
        const stored = await findSubscription(auth, sub.id);
        return reply.code(201).send(presentSubscription(stored));
      },
    );

    app.get(
      '/calendar-subscriptions',
      {
        schema: {
          tags: ['calendar'],
          summary:
            'The booking calendars Carryover reads (a therapist sees their own), each with when it was last read and why a fetch failed',
          response: { 200: z.object({ subscriptions: z.array(subscriptionSchema) }) },
        },
      },
      async (req) => {
        const rows = await visibleSubscriptions(db, authOf(req)).orderBy('created_at').execute();
        return { subscriptions: rows.map(presentSubscription) };
      },
    );

    app.delete(
      '/calendar-subscriptions/:id',
      {
        schema: {
          tags: ['calendar'],
          summary: 'Stop reading a calendar; its events no longer show or block times',
          params: idParams,
          response: { 200: okSchema, 404: errorSchema },
        },
      },
      async (req) => {
        const sub = await findSubscription(authOf(req), req.params.id);
        await db.transaction().execute(async (trx) => {
          await trx.deleteFrom('imported_events').where('subscription_id', '=', sub.id).execute();
          await trx.deleteFrom('imported_event_matches').where('subscription_id', '=', sub.id).execute();
          await trx.deleteFrom('calendar_subscriptions').where('id', '=', sub.id).execute();
        });
        return { ok: true as const };
      },
    );

    app.post(
      '/calendar-subscriptions/:id/refresh',
      {
        config: { rateLimit: { max: 60, timeWindow: '1 hour' } },
        schema: {
          tags: ['calendar'],
          summary: 'Read a calendar now; when it fails the last good copy is kept and `status` is `failed` with the reason in `lastError`',
          params: idParams,
          response: { 200: subscriptionSchema, 404: errorSchema },
        },
      },
      async (req) => {
        const sub = await findSubscription(authOf(req), req.params.id);
        return presentSubscription(await refreshSubscription({ db, clock, config }, sub));
      },
    );

    app.patch(
      '/imported-events/:id',
      {
        schema: {
          tags: ['calendar'],
          summary: 'Match an imported event (and the rest of its series) to a client with one tap, or undo it with `clientId: null`',
          params: idParams,
          body: matchBody,
          response: { 200: importedEventSchema, ...errors },
        },
      },
      async (req) => {
        const auth = authOf(req);
        const event = await findImportedEvent(db, auth, req.params.id);
        if (!event) throw notFound('That calendar event');
        const { clientId } = req.body;
        if (clientId) await findVisibleClient(db, auth, clientId);
        await db.transaction().execute(async (trx) => {
          await trx
            .deleteFrom('imported_event_matches')
            .where('subscription_id', '=', event.subscription_id)
            .where('uid', '=', event.uid)
            .execute();
          if (clientId)
            await trx
              .insertInto('imported_event_matches')
              .values({
                subscription_id: event.subscription_id,
                uid: event.uid,
                practice_id: auth.practiceId,
                client_id: clientId,
                created_at: clock.now().toISOString(),
              })
              .execute();
          await trx
            .updateTable('imported_events')
            .set({ client_id: clientId, matched_by: clientId ? 'therapist' : null })
            .where('subscription_id', '=', event.subscription_id)
            .where('uid', '=', event.uid)
            .execute();
        });
        const updated = await findImportedEvent(db, auth, event.id);
        if (!updated) throw notFound('That calendar event');
        return presentImportedEvent(updated);
      },
    );
  };
}
