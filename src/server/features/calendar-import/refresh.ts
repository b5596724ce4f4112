import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/index.js';
import type { CalendarSubscriptionTable, ImportedEventTable } from '../../db/schema.js';
import { FeedError } from './feed-error.js';
import { type FetchRules, fetchFeed } from './fetch-feed.js';
import { type MatchableClient, matchClient } from './match-client.js';
import { FEED_WINDOW, type Feed, readFeed } from './read-feed.js';

export type Subscription = Selectable<CalendarSubscriptionTable>;

/**
 * An occurrence keeps its id across refreshes (a name-based UUID of calendar, event and start),
 * so a screen that shows it can still act on it after the calendar is read again.
 */
export function occurrenceId(subscriptionId: string, uid: string, startsAt: string): string {
  const h = createHash('sha256').update(`${subscriptionId}\n${uid}\n${startsAt}`).digest('hex');
  const variant = ((Number.parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Carryover's own addresses under this configuration, which a calendar address may never be. */
export function fetchRulesFor(config: Config, timeoutMs?: number): FetchRules {
  const publicUrl = new URL(config.publicUrl);
  const publicPort = Number(publicUrl.port || (publicUrl.protocol === 'https:' ? 443 : 80));
  return {
    production: config.production,
    selfHosts: [
      `${publicUrl.hostname.replace(/^\[|\]$/g, '').toLowerCase()}:${publicPort}`,
      `localhost:${config.PORT}`,
      `${config.HOST.toLowerCase()}:${config.PORT}`,
    ],
    selfPort: config.PORT,
    timeoutMs,
  };
}

/** Fetches and reads a calendar address over the window around now; throws FeedError. */
export async function loadFeed(o: { url: string; config: Config; now: Date; zone: string }): Promise<Feed> {
  const body = await fetchFeed(o.url, fetchRulesFor(o.config));
  const from = new Date(o.now.getTime() - FEED_WINDOW.daysBack * 86_400_000);
  const to = new Date(o.now.getTime() + FEED_WINDOW.daysAhead * 86_400_000);
  return readFeed(body, { from, to, zone: o.zone });
}

async function clientsFor(db: Db, sub: Pick<Subscription, 'practice_id' | 'member_id'>): Promise<MatchableClient[]> {
  const member = await db.selectFrom('members').select('role').where('id', '=', sub.member_id).executeTakeFirst();
  let q = db
    .selectFrom('clients')
    .select(['id', 'first_name', 'last_name', 'email'])
    .where('practice_id', '=', sub.practice_id)
    .where('archived_at', 'is', null);
  // A therapist's calendar is matched only to their own clients, as they see them in Carryover.
  if (member?.role === 'therapist') q = q.where('therapist_id', '=', sub.member_id);
  return q.execute();
}

/** Replaces the stored copy of a calendar with a freshly read one, in one transaction. */
export async function storeFeed(db: Db, clock: Clock, sub: Subscription, feed: Feed): Promise<void> {
  const clients = await clientsFor(db, sub);
  const byHand = new Map(
    (await db.selectFrom('imported_event_matches').select(['uid', 'client_id']).where('subscription_id', '=', sub.id).execute()).map(
      (m) => [m.uid, m.client_id],
    ),
  );
  const rows = new Map<string, ImportedEventTable>();
  for (const e of feed.events) {
    const id = occurrenceId(sub.id, e.uid, e.startsAt);
    // A feed that lists one occurrence twice is stored once.
    if (rows.has(id)) continue;
    const chosen = byHand.get(e.uid);
    const found = chosen ? { clientId: chosen, by: 'therapist' as const } : matchClient(clients, e);
    rows.set(id, {
      id,
      practice_id: sub.practice_id,
      subscription_id: sub.id,
      member_id: sub.member_id,
      uid: e.uid,
      title: e.title,
      starts_at: e.startsAt,
      ends_at: e.endsAt,
      all_day: e.allDay ? 1 : 0,
      attendee_email: e.attendeeEmail,
      client_id: found?.clientId ?? null,
      matched_by: found?.by ?? null,
    });
  }
  const list = [...rows.values()];
  const now = clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('imported_events').where('subscription_id', '=', sub.id).execute();
    // Small batches keep each statement under SQLite's limit on bound values.
    for (let i = 0; i < list.length; i += 50)
      await trx
        .insertInto('imported_events')
        .values(list.slice(i, i + 50))
        .execute();
    await trx
      .updateTable('calendar_subscriptions')
      .set({
        status: 'ok',
        name: feed.name,
        last_success_at: now,
        last_attempt_at: now,
        last_error: null,
        event_count: list.length,
      })
      .where('id', '=', sub.id)
      .execute();
  });
}

/**
 * Reads a subscribed calendar again. A failure keeps the last good copy and records why,
 * so the therapist sees "last updated …, the last fetch failed because …".
 */
export async function refreshSubscription(deps: { db: Db; clock: Clock; config: Config }, sub: Subscription): Promise<Subscription> {
  const practice = await deps.db.selectFrom('practices').select('timezone').where('id', '=', sub.practice_id).executeTakeFirstOrThrow();
  try {
    const feed = await loadFeed({ url: sub.url, config: deps.config, now: deps.clock.now(), zone: practice.timezone });
    await storeFeed(deps.db, deps.clock, sub, feed);
  } catch (err) {
    const reason = err instanceof FeedError ? err.message : 'Something went wrong reading that calendar. Try again later.';
    await deps.db
      .updateTable('calendar_subscriptions')
      .set({ status: 'failed', last_attempt_at: deps.clock.now().toISOString(), last_error: reason })
      .where('id', '=', sub.id)
      .execute();
  }
  return deps.db.selectFrom('calendar_subscriptions').selectAll().where('id', '=', sub.id).executeTakeFirstOrThrow();
}
