import type { Rate } from '../../../shared/api/reports.js';
import { formatMonth } from '../../../shared/time/format.js';
import { formatDate } from '../../format.js';

/** "83%", or "—" when there was nothing to divide. */
export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${Math.round(value * 100)}%`;
}

/** Whole numbers stay whole; adherence counts fractions of days, shown rounded. */
export function count(n: number): string {
  return Math.round(n).toLocaleString();
}

/** "12 of 15 sessions": the counts behind a rate, so a small practice's 100% reads as 2 of 2. */
export function ofCount(rate: Rate, unit: string): string {
  return `${count(rate.numerator)} of ${count(rate.denominator)} ${unit}`;
}

/** "Wed 16 Dec", the app's one way of writing a day. */
export function formatDay(day: string | null): string {
  return day ? formatDate(day.slice(0, 10)) : '';
}

/** "Mar" for "2026-03". */
export function shortMonth(month: string): string {
  return formatMonth(month);
}

/** "March 2026" for "2026-03". */
export function longMonth(month: string): string {
  return formatMonth(month, 'long');
}

/** The median answer time in words a therapist uses: minutes, hours, or days. */
export function duration(hours: number | null): string {
  if (hours === null) return '—';
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} min`;
  if (hours < 48) return `${Math.round(hours)} h`;
  return `${Math.round(hours / 24)} days`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${Math.round(n) === 1 ? one : many}`;
}
