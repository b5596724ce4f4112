// Times for the checkout card, in the tablet's own time zone unless an appointment says otherwise.
import type { NOT_REBOOKED_REASONS } from '../../../shared/api/appointments.js';

export type NotRebookedReason = (typeof NOT_REBOOKED_REASONS)[number];

export const notRebookedLabels: Record<NotRebookedReason, string> = {
  'will-book-online': 'Will book online',
  'checking-schedule': 'Checking their schedule',
  cost: 'Cost',
  'feeling-better': 'Feeling better',
  'moving-away': 'Moving away',
  'not-happy': 'Not happy with the visit',
  other: 'Something else',
};

/** "Tuesday 14 April at 10:00", the way the server words the suggestion. */
export function whenLabel(iso: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone }).format(date);
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(date);
  return `${day.replace(',', '')} at ${time}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The date and time inputs' values for an instant, on this device's clock. */
export function localParts(iso: string): { date: string; time: string } {
  const d = new Date(iso);
  return { date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: `${pad(d.getHours())}:${pad(d.getMinutes())}` };
}

/** "2026-04-14T10:00:00+01:00" from the inputs, with this device's offset at that moment; null when incomplete. */
export function instantFrom(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const local = new Date(`${date}T${time}:00`);
  if (Number.isNaN(local.getTime())) return null;
  const offset = -local.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return `${date}T${time}:00${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}
