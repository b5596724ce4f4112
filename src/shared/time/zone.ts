/**
 * Wall-clock time in the practice's time zone, with Intl's own zone data and no library: one module
 * for the therapist app, the server and the client page's script (decision 018).
 * Calendar days are handled as "YYYY-MM-DD" strings and stepped with UTC arithmetic, which has
 * no daylight-saving changes; only turning a day and a time into an instant consults the zone.
 * So a week that loses or gains an hour is still Monday 00:00 to the next Monday 00:00.
 */

/** A calendar day, "2026-03-09". */
export type LocalDate = string;

const partFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string) {
  let format = partFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormats.set(timeZone, format);
  }
  return format;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The day and the minutes since midnight that a wall clock in the zone shows at this instant. */
export function wallClock(instant: Date, timeZone: string): { date: LocalDate; minutes: number; seconds: number } {
  const parts: Record<string, number> = {};
  for (const p of partsFormat(timeZone).formatToParts(instant)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const hour = parts.hour % 24; // some engines write midnight as 24
  return {
    date: `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`,
    minutes: hour * 60 + parts.minute,
    seconds: parts.second,
  };
}

/** How far the zone's clocks are ahead of UTC at this instant, in minutes (negative west of Greenwich). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const wall = wallClock(instant, timeZone);
  const [y, m, d] = wall.date.split('-').map(Number);
  const wallAsUtc = Date.UTC(y, m - 1, d, 0, wall.minutes, wall.seconds);
  return Math.round((wallAsUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall clock in the zone shows this day and time ("HH:MM"). A time skipped by a
 * spring-forward change lands just after the change, as a phone's calendar does.
 */
export function instantAt(date: LocalDate, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const asUtc = Date.UTC(y, m - 1, d, hh, mm);
  const first = asUtc - offsetMinutes(new Date(asUtc), timeZone) * 60_000;
  const second = asUtc - offsetMinutes(new Date(first), timeZone) * 60_000;
  const shows = (t: number) => {
    const wall = wallClock(new Date(t), timeZone);
    return wall.date === date && wall.minutes === hh * 60 + mm;
  };
  if (shows(second)) return new Date(second);
  if (shows(first)) return new Date(first);
  return new Date(Math.max(first, second));
}

/** "2026-03-09T10:00:00-05:00": the instant written with the zone's offset, as the API wants it. */
export function isoInZone(instant: Date, timeZone: string): string {
  const wall = wallClock(instant, timeZone);
  const offset = offsetMinutes(instant, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${wall.date}T${timeOfDay(wall.minutes)}:${pad(wall.seconds)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** "2026-03-09T10:00:00.000-05:00": as `isoInZone`, with milliseconds, the way the API writes appointment times. */
export function isoInZoneWithMillis(instant: Date, timeZone: string): string {
  const iso = isoInZone(instant, timeZone);
  return `${iso.slice(0, 19)}.${String(instant.getUTCMilliseconds()).padStart(3, '0')}${iso.slice(19)}`;
}

/** Monday 1 … Sunday 7 (ISO-8601), as working hours count the days of the week. */
export function isoWeekday(date: LocalDate): number {
  return ((utcDay(date).getUTCDay() + 6) % 7) + 1;
}

/** "HH:MM" for minutes since midnight. */
export function timeOfDay(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

function utcDay(date: LocalDate): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const day = utcDay(date);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** The Monday on or before the day. */
export function mondayOf(date: LocalDate): LocalDate {
  const weekday = (utcDay(date).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(date, -weekday);
}

export function isLocalDate(value: string | null | undefined): value is LocalDate {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return utcDay(value).toISOString().slice(0, 10) === value;
}

export function todayIn(timeZone: string, now = new Date()): LocalDate {
  return wallClock(now, timeZone).date;
}

/** The instants a run of whole days covers in the zone: from the first midnight to the midnight after the last day. */
export function daysSpan(first: LocalDate, count: number, timeZone: string): { from: Date; to: Date } {
  return { from: instantAt(first, '00:00', timeZone), to: instantAt(addDays(first, count), '00:00', timeZone) };
}

/** A calendar day as a Date at noon UTC, for Intl formatting with timeZone 'UTC' (never the day before or after). */
export function dayForFormatting(date: LocalDate): Date {
  return new Date(utcDay(date).getTime() + 12 * 3_600_000);
}
