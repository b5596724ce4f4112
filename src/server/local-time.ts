import { DateTime } from 'luxon';

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone. */
export const localDay = (instant: Date, zone: string) => DateTime.fromJSDate(instant, { zone }).toISODate()!;

/** The instant of a local wall-clock time on a local day, correct across daylight-saving changes. */
export function instantAt(day: string, hour: number, minute: number, zone: string): Date {
  return DateTime.fromISO(day, { zone }).set({ hour, minute, second: 0, millisecond: 0 }).toJSDate();
}

export const addDays = (day: string, n: number) => DateTime.fromISO(day, { zone: 'UTC' }).plus({ days: n }).toISODate()!;

/** Days from a to b (b later is positive). */
export const daysBetween = (a: string, b: string) =>
  Math.round(DateTime.fromISO(b, { zone: 'UTC' }).diff(DateTime.fromISO(a, { zone: 'UTC' }), 'days').days);

/** The local hour (0–23) of an instant in a zone. */
export const localHour = (instant: Date, zone: string) => DateTime.fromJSDate(instant, { zone }).hour;
