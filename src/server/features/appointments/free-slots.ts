import { DateTime } from 'luxon';
import type { WorkingRange } from '../../../shared/api/working-hours.js';
import { type BusyTime, overlapsAny } from './busy-times.js';

/** Start times are offered on the quarter hour from the start of each working range. */
const STEP_MINUTES = 15;
/** A day earlier or later weighs like this many minutes away from the usual time of day. */
const MINUTES_PER_DAY_AWAY = 100;

export interface FreeSlotSearch {
  /** The ideal time: after the client's interval, at their usual time of day, in the practice's zone. */
  target: DateTime;
  durationMinutes: number;
  weekly: WorkingRange[];
  daysOff: string[];
  busy: BusyTime[];
  /** Nothing is offered before this instant. */
  notBefore: Date;
  /** Days searched before and after the target. */
  daysBefore: number;
  daysAfter: number;
  count: number;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * Free slots nearest the target: inside a working range (wall-clock, so DST-correct), not on a
 * day off, meeting no busy time. The best first; the others on other days where possible, so the
 * client has a real choice.
 */
export function findFreeSlots(o: FreeSlotSearch): DateTime[] {
  const zone = o.target.zone;
  const usual = o.target.hour * 60 + o.target.minute;
  const targetDay = o.target.startOf('day');
  const off = new Set(o.daysOff);
  const candidates: { start: DateTime; score: number }[] = [];
  for (let d = -o.daysBefore; d <= o.daysAfter; d++) {
    const day = targetDay.plus({ days: d });
    if (off.has(day.toISODate()!)) continue;
    for (const range of o.weekly.filter((r) => r.weekday === day.weekday)) {
      const end = minutesOf(range.end);
      for (let t = minutesOf(range.start); t + o.durationMinutes <= end; t += STEP_MINUTES) {
        const start = DateTime.fromObject(
          { year: day.year, month: day.month, day: day.day, hour: Math.floor(t / 60), minute: t % 60 },
          { zone },
        );
        // A wall-clock time skipped by the spring change does not exist that day.
        if (start.hour * 60 + start.minute !== t || start.toJSDate() < o.notBefore) continue;
        const finish = start.plus({ minutes: o.durationMinutes });
        if (overlapsAny(o.busy, start.toUTC().toISO()!, finish.toUTC().toISO()!)) continue;
        candidates.push({ start, score: Math.abs(d) * MINUTES_PER_DAY_AWAY + Math.abs(t - usual) });
      }
    }
  }
  candidates.sort((a, b) => a.score - b.score || a.start.toMillis() - b.start.toMillis());
  const chosen: DateTime[] = [];
  const days = new Set<string>();
  for (const c of candidates) {
    if (chosen.length >= o.count) break;
    if (days.has(c.start.toISODate()!)) continue;
    chosen.push(c.start);
    days.add(c.start.toISODate()!);
  }
  // Fewer free days than wanted: fill from the same days, apart from what is already offered.
  for (const c of candidates) {
    if (chosen.length >= o.count) break;
    if (chosen.some((s) => Math.abs(s.diff(c.start, 'minutes').minutes) < o.durationMinutes)) continue;
    chosen.push(c.start);
  }
  return chosen;
}
