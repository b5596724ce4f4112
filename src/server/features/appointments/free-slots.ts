import type { WorkingRange } from '../../../shared/api/working-hours.js';
import { addDays, instantAt, isoWeekday, type LocalDate, timeOfDay, wallClock } from '../../../shared/time/zone.js';
import { type BusyTime, overlapsAny } from './busy-times.js';

/** Start times are offered on the quarter hour from the start of each working range. */
const STEP_MINUTES = 15;
/** A day earlier or later weighs like this many minutes away from the usual time of day. */
const MINUTES_PER_DAY_AWAY = 100;

export interface FreeSlotSearch {
  /** The ideal time: after the client's interval, at their usual time of day (minutes since midnight), in the practice's zone. */
  target: { date: LocalDate; minutes: number; timeZone: string };
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
export function findFreeSlots(o: FreeSlotSearch): Date[] {
  const { date: targetDay, minutes: usual, timeZone: zone } = o.target;
  const off = new Set(o.daysOff);
  const candidates: { start: Date; day: LocalDate; score: number }[] = [];
  for (let d = -o.daysBefore; d <= o.daysAfter; d++) {
    const day = addDays(targetDay, d);
    if (off.has(day)) continue;
    for (const range of o.weekly.filter((r) => r.weekday === isoWeekday(day))) {
      const end = minutesOf(range.end);
      for (let t = minutesOf(range.start); t + o.durationMinutes <= end; t += STEP_MINUTES) {
        const start = instantAt(day, timeOfDay(t), zone);
        // A wall-clock time skipped by the spring change does not exist that day.
        const wall = wallClock(start, zone);
        if (wall.date !== day || wall.minutes !== t || start < o.notBefore) continue;
        const finish = new Date(start.getTime() + o.durationMinutes * 60_000);
        if (overlapsAny(o.busy, start.toISOString(), finish.toISOString())) continue;
        candidates.push({ start, day, score: Math.abs(d) * MINUTES_PER_DAY_AWAY + Math.abs(t - usual) });
      }
    }
  }
  candidates.sort((a, b) => a.score - b.score || a.start.getTime() - b.start.getTime());
  const chosen: Date[] = [];
  const days = new Set<string>();
  for (const c of candidates) {
    if (chosen.length >= o.count) break;
    if (days.has(c.day)) continue;
    chosen.push(c.start);
    days.add(c.day);
  }
  // Fewer free days than wanted: fill from the same days, apart from what is already offered.
  for (const c of candidates) {
    if (chosen.length >= o.count) break;
    if (chosen.some((s) => Math.abs(s.getTime() - c.start.getTime()) < o.durationMinutes * 60_000)) continue;
    chosen.push(c.start);
  }
  return chosen;
}
