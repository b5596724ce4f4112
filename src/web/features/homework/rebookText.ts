// Words for the checkout card; times on the practice's clock (src/web/format.ts).
import type { NOT_REBOOKED_REASONS } from '../../../shared/api/appointments.js';
import { formatWhen } from '../../../shared/time/format.js';
import { clockIn } from '../../format.js';

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

/** "Tuesday 14 April at 10:00 AM" on the practice's clock (or in the appointment's zone, when given). */
export function whenLabel(iso: string, timeZone?: string): string {
  return formatWhen(iso, clockIn(timeZone));
}
