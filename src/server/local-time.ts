import { defaultHourStyle, deviceClockDiffers, type HourStyle, type PracticeClock, zoneLabel } from '../shared/time/format.js';
import { instantAt as instantOnClock } from '../shared/time/zone.js';

/*
 * The server's one home for local time: the days and hours jobs and pages reason in, and the clock
 * every mail, handout, invite and the client's page write times on. Writing a date or a time is
 * src/shared/time/format.ts (the same words as the therapist app), given practiceClock(practice).
 *
 * localDay, addDays and localHour run on every client-page request: they use cached Intl formatters
 * and plain UTC arithmetic.
 */

export {
  defaultHourStyle,
  formatDate,
  formatDateTime,
  formatDayHeading,
  formatTime,
  formatTimeRange,
  formatWhen,
  type HourStyle,
  type PracticeClock,
} from '../shared/time/format.js';

/** A clock for writing days only (a plain YYYY-MM-DD stays that day; the hour style plays no part). */
export const DAYS_ONLY: PracticeClock = { timeZone: 'UTC', hourStyle: '24h' };

/** " (New York time)" after a time in `zone` for someone whose own clock reads differently; otherwise nothing. */
export function zoneNote(zone: string, readerZone: string | null | undefined): string {
  return readerZone && deviceClockDiffers(readerZone, zone) ? ` (${zoneLabel(zone)} time)` : '';
}

/** The hour style a practice writes times in: its choice, or what its time zone usually reads. */
export const hourStyleOf = (p: { timezone: string; time_format: HourStyle | null }): HourStyle =>
  p.time_format ?? defaultHourStyle(p.timezone);

/** A practice's clock (a practice row, or any row with its timezone and time_format), for formatting. */
export const practiceClock = (p: { timezone: string; time_format: HourStyle | null }): PracticeClock => ({
  timeZone: p.timezone,
  hourStyle: hourStyleOf(p),
});

const formatters = new Map<string, Intl.DateTimeFormat>();
// Offsets change on whole minutes, so the last minute asked for per zone answers most calls.
const lastMinute = new Map<string, { minute: number; parts: Record<string, string> }>();

function partsIn(instant: Date, zone: string) {
  const minute = Math.floor(instant.getTime() / 60_000);
  const last = lastMinute.get(zone);
  if (last?.minute === minute) return last.parts;
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, f);
  }
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(instant)) parts[p.type] = p.value;
  lastMinute.set(zone, { minute, parts });
  return parts;
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone. */
export function localDay(instant: Date, zone: string): string {
  const p = partsIn(instant, zone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** The instant of a local wall-clock time on a local day, correct across daylight-saving changes. */
export function instantAt(day: string, hour: number, minute: number, zone: string): Date {
  const two = (n: number) => String(n).padStart(2, '0');
  return instantOnClock(day, `${two(hour)}:${two(minute)}`, zone);
}

const utcMidnight = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));

/** The calendar day n days after (or before, when negative) a calendar day. */
export const addDays = (day: string, n: number) => new Date(utcMidnight(day) + n * 86_400_000).toISOString().slice(0, 10);

/** Days from a to b (b later is positive). */
export const daysBetween = (a: string, b: string) => Math.round((utcMidnight(b) - utcMidnight(a)) / 86_400_000);

/** The local hour (0–23) of an instant in a zone. */
export const localHour = (instant: Date, zone: string) => Number(partsIn(instant, zone).hour);
