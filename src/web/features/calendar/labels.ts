import type { Appointment, CalendarAppointment } from '../../../shared/api/appointments.js';
import { formatDate, formatDateTime, formatDayHeading, formatTime, formatTimeRange, formatWhen } from '../../../shared/time/format.js';
import type { LocalDate } from '../../../shared/time/zone.js';
import { clockIn } from '../../format.js';

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

// Every date and time here is the one shared style on the practice's clock (src/shared/time/format.ts).

/** "10:00 AM" (or "10:00") on the practice's clock. */
export const timeText = (iso: string | Date, timeZone: string) => formatTime(iso, clockIn(timeZone));

/** "10:00 AM – 11:00 AM". */
export const timeRangeText = (startsAt: string, endsAt: string, timeZone: string) => formatTimeRange(startsAt, endsAt, clockIn(timeZone));

/** "Mon 9 Mar, 10:00 AM": a time in a list or on a button. */
export const whenText = (iso: string, timeZone: string) => formatDateTime(iso, clockIn(timeZone));

/** "Monday 9 March at 10:00 AM": a time said in full. */
export const fullWhenText = (iso: string, timeZone: string) => formatWhen(iso, clockIn(timeZone));

/** "Monday 9 March" for a calendar day. */
export const dayHeading = (date: LocalDate) => formatDayHeading(date, clockIn());

/** "Mon 9" for a week column. */
export const shortDay = (date: LocalDate) => ({
  weekday: formatDate(date, clockIn()).slice(0, 3),
  day: Number(date.slice(8, 10)),
});

/** "Mon 9 Mar – Sun 15 Mar" or "Monday 9 March". */
export function rangeHeading(first: LocalDate, days: number, last: LocalDate): string {
  if (days === 1) return formatDayHeading(first, clockIn());
  return `${formatDate(first, clockIn())} – ${formatDate(last, clockIn())}`;
}

/** The date of a stored day ("2026-03-14") or of an instant, in the practice zone. */
export const dateText = (iso: string, timeZone: string) => formatDate(iso, clockIn(timeZone));

/** How the client's homework went, when the appointment came from the calendar list and homework is active. */
export function adherenceOf(a: Appointment): CalendarAppointment['adherence'] {
  return 'adherence' in a ? ((a as CalendarAppointment).adherence ?? null) : null;
}

/** "9/14" on a block, after the word "Homework" where it fits: done days of the days counted. */
export const homeworkShort = (h: NonNullable<CalendarAppointment['adherence']>) => `${h.doneDays}/${h.ofDays}`;

/** "Homework done 9 of the last 14 days, last check-in Mon 9 Mar": the same count as the clients list. */
export function homeworkText(h: NonNullable<CalendarAppointment['adherence']>): string {
  const of = h.ofDays === 14 ? 'the last 14' : String(h.ofDays);
  const done = `Homework done ${h.doneDays} of ${of} day${h.ofDays === 1 ? '' : 's'}`;
  return `${done}, ${h.lastCheckIn ? `last check-in ${formatDate(h.lastCheckIn as LocalDate, clockIn())}` : 'no check-in yet'}`;
}
