import type { Appointment } from '../../../shared/api/appointments.js';
import { dayForFormatting, type LocalDate } from './zonedTime.js';

export type AppointmentStatus = Appointment['status'];

export const statusLabels: Record<AppointmentStatus, string> = {
  booked: 'Booked',
  cancelled: 'Cancelled',
  'no-show': 'No-show',
  done: 'Done',
};

export const statusTones: Record<AppointmentStatus, 'neutral' | 'warning' | 'success' | 'danger'> = {
  booked: 'neutral',
  cancelled: 'danger',
  'no-show': 'warning',
  done: 'success',
};

/** Appointment lengths offered in forms; the practice's default is added if it is not among them. */
export function durationOptions(defaultMinutes: number, current?: number) {
  const minutes = new Set([30, 45, 60, 75, 90, 120, defaultMinutes, ...(current ? [current] : [])]);
  return [...minutes].sort((a, b) => a - b).map((m) => ({ value: String(m), label: lengthText(m) }));
}

/** "1 hour", "90 minutes", "45 minutes". */
export function lengthText(minutes: number): string {
  if (minutes === 60) return '1 hour';
  if (minutes % 60 === 0) return `${minutes / 60} hours`;
  return `${minutes} minutes`;
}

const formats = new Map<string, Intl.DateTimeFormat>();
function format(key: string, timeZone: string, options: Intl.DateTimeFormatOptions) {
  const id = `${key}|${timeZone}`;
  let f = formats.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat(undefined, { ...options, timeZone });
    formats.set(id, f);
  }
  return f;
}

/** "10:00 AM" on the practice's clock. */
export const timeText = (iso: string | Date, timeZone: string) =>
  format('time', timeZone, { hour: 'numeric', minute: '2-digit' }).format(new Date(iso));

/** "10:00 – 11:00 AM". */
export const timeRangeText = (startsAt: string, endsAt: string, timeZone: string) =>
  format('time', timeZone, { hour: 'numeric', minute: '2-digit' }).formatRange(new Date(startsAt), new Date(endsAt));

/** "Mon, Mar 9, 10:00 AM": a time in a list or on a button. */
export const whenText = (iso: string, timeZone: string) =>
  format('when', timeZone, { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(new Date(iso));

/** "Monday, March 9, 2026 at 10:00 AM": a time said in full. */
export const fullWhenText = (iso: string, timeZone: string) =>
  format('full', timeZone, { dateStyle: 'full', timeStyle: 'short' }).format(new Date(iso));

/** "Monday, March 9" for a calendar day. */
export const dayHeading = (date: LocalDate) =>
  format('day', 'UTC', { weekday: 'long', month: 'long', day: 'numeric' }).format(dayForFormatting(date));

/** "Mon 9" for a week column. */
export const shortDay = (date: LocalDate) => ({
  weekday: format('weekday', 'UTC', { weekday: 'short' }).format(dayForFormatting(date)),
  day: Number(date.slice(8, 10)),
});

/** "Mar 9 – 15, 2026" or "Monday, March 9, 2026". */
export function rangeHeading(first: LocalDate, days: number, last: LocalDate): string {
  if (days === 1) return format('dayFull', 'UTC', { dateStyle: 'full' }).format(dayForFormatting(first));
  return format('range', 'UTC', { month: 'short', day: 'numeric', year: 'numeric' }).formatRange(
    dayForFormatting(first),
    dayForFormatting(last),
  );
}

/** The date of a stored day ("2026-03-14") or of an instant, in the practice zone. */
export const dateText = (iso: string, timeZone: string) => format('date', timeZone, { dateStyle: 'medium' }).format(new Date(iso));
