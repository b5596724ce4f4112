import { z } from 'zod';
import type { Clock } from '../../clock.js';
import type { Config } from '../../config.js';
import type { Db } from '../../db/index.js';
import { enqueueJob, jobKind } from '../../jobs/queue.js';
import { refreshSubscription } from './refresh.js';

export const CALENDAR_SWEEP = 'calendar-sweep';
const calendarSweepKind = jobKind(CALENDAR_SWEEP, z.object({}).strip());
/** How often subscribed calendars are read again. */
const EVERY_MINUTES = 30;

const slotOf = (at: Date) => new Date(Math.floor(at.getTime() / (EVERY_MINUTES * 60_000)) * EVERY_MINUTES * 60_000);

/** One sweep per half hour, whichever instance books it first. */
export async function scheduleCalendarSweep(db: Db, clock: Clock, at: Date = clock.now()) {
  const slot = slotOf(at);
  await enqueueJob(db, clock, calendarSweepKind, { payload: {}, runAt: slot, uniqueKey: `calendar-sweep:${slot.toISOString()}` });
}

/** Job handler: reads every subscribed calendar not read in the last while, one at a time, then books the next sweep. */
export function calendarSweepJob(deps: { db: Db; clock: Clock; config: Config }) {
  return async () => {
    const now = deps.clock.now();
    const stale = new Date(now.getTime() - (EVERY_MINUTES - 5) * 60_000).toISOString();
    const due = await deps.db
      .selectFrom('calendar_subscriptions')
      .selectAll()
      .where((eb) => eb.or([eb('last_attempt_at', 'is', null), eb('last_attempt_at', '<', stale)]))
      .orderBy('last_attempt_at')
      .limit(500)
      .execute();
    for (const sub of due) await refreshSubscription(deps, sub);
    await scheduleCalendarSweep(deps.db, deps.clock, new Date(now.getTime() + EVERY_MINUTES * 60_000));
  };
}
