import type { Goal } from '../../../shared/api/goals.js';
import { formatDate } from '../../../shared/time/format.js';
import { clockIn } from '../../format.js';

/** A day such as a target date ("2026-06-30") as "Tue 30 Jun", with its year only when it is not this year. */
export const targetDateText = (date: string, now = new Date()): string => formatDate(date, clockIn(), { now });

/** "3", "2.5": numbers as a person writes them. */
export const numberText = (n: number) => new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(n);

/** "4 → 1 headaches per week by 30 June", or as much of it as the goal has. */
export function measureText(g: Pick<Goal, 'baseline' | 'target' | 'unit' | 'targetDate'>): string | null {
  const unit = g.unit ? ` ${g.unit}` : '';
  let text = '';
  if (g.baseline !== null && g.target !== null) text = `${numberText(g.baseline)} → ${numberText(g.target)}${unit}`;
  else if (g.target !== null) text = `Aim: ${numberText(g.target)}${unit}`;
  else if (g.baseline !== null) text = `From ${numberText(g.baseline)}${unit}`;
  else if (g.unit) text = `Measured in ${g.unit}`;
  if (g.targetDate) text = text ? `${text} by ${targetDateText(g.targetDate)}` : `By ${targetDateText(g.targetDate)}`;
  return text || null;
}

/** "Sun 12 Apr" for a moment progress was logged, on the practice's clock. */
export const entryDateText = (iso: string) => formatDate(iso, clockIn());

export const recordedByLabels: Record<Goal['progress'][number]['recordedBy'], string> = {
  therapist: 'You',
  client: 'Client',
};
