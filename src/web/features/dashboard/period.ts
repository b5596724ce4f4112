import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** A calendar day, "2026-03-14". */
export type Day = string;

export type PeriodChoice = 'this-month' | 'last-3-months' | 'last-12-months' | 'custom';

export const PERIOD_CHOICES: { value: PeriodChoice; label: string }[] = [
  { value: 'this-month', label: 'This month' },
  { value: 'last-3-months', label: 'Last 3 months' },
  { value: 'last-12-months', label: 'Last 12 months' },
  { value: 'custom', label: 'Custom' },
];

/*
 * Last 3 months is the default: early in a month "this month" holds a handful of sessions,
 * and a small practice needs a quarter before its rates mean much.
 */
const DEFAULT_CHOICE: PeriodChoice = 'last-3-months';

export interface DashboardPlace {
  period: PeriodChoice;
  /** Only for a custom period. */
  from: Day | null;
  to: Day | null;
  /** Owners only: one therapist's figures; null for the whole practice. */
  therapist: string | null;
}

export const isDay = (value: string | null | undefined): value is Day => !!value && /^\d{4}-\d{2}-\d{2}$/.test(value);

function readPlace(params: URLSearchParams): DashboardPlace {
  const period = PERIOD_CHOICES.find((c) => c.value === params.get('period'))?.value ?? DEFAULT_CHOICE;
  const from = params.get('from');
  const to = params.get('to');
  return {
    period,
    from: period === 'custom' && isDay(from) ? from : null,
    to: period === 'custom' && isDay(to) ? to : null,
    therapist: params.get('therapist') || null,
  };
}

function placeSearch(place: DashboardPlace): URLSearchParams {
  const params = new URLSearchParams();
  if (place.period !== DEFAULT_CHOICE) params.set('period', place.period);
  if (place.period === 'custom') {
    if (place.from) params.set('from', place.from);
    if (place.to) params.set('to', place.to);
  }
  if (place.therapist) params.set('therapist', place.therapist);
  return params;
}

/** The period and the therapist shown, kept in the address so a reload or a shared link keeps them. */
export function useDashboardPlace(): [DashboardPlace, (change: Partial<DashboardPlace>) => void] {
  const [params, setParams] = useSearchParams();
  const go = useCallback(
    (change: Partial<DashboardPlace>) => setParams((current) => placeSearch({ ...readPlace(current), ...change })),
    [setParams],
  );
  return [readPlace(params), go];
}

/** Today on the practice's wall clock: the server counts days in the practice's time zone too. */
export { todayIn } from '../../../shared/time/zone.js';

function shift(day: Day, { months = 0, days = 0 }: { months?: number; days?: number }): Day {
  const [y, m, d] = day.split('-').map(Number);
  // Clamp to the month's last day first, so 31 May less three months is 28 February, not 3 March.
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  const date = new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay) + days));
  return date.toISOString().slice(0, 10);
}

/** The first and last day (inclusive) a choice covers; a custom period without both dates falls back to this month. */
export function periodDates(place: DashboardPlace, today: Day): { from: Day; to: Day } {
  switch (place.period) {
    case 'last-3-months':
      return { from: shift(shift(today, { months: -3 }), { days: 1 }), to: today };
    case 'last-12-months':
      return { from: shift(shift(today, { months: -12 }), { days: 1 }), to: today };
    case 'custom':
      if (place.from && place.to) return { from: place.from, to: place.to };
      return { from: `${today.slice(0, 7)}-01`, to: today };
    default:
      return { from: `${today.slice(0, 7)}-01`, to: today };
  }
}
