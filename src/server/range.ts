import { isLocalDay } from '../shared/api/range.js';
import { AppError } from './http/errors.js';
import { addDays, instantAt, localDay } from './local-time.js';

const outOfOrder = () => new AppError(400, 'invalid', 'The start of the period must be on or before its end.', { from: 'After "to"' });

/**
 * A range as two instants [from, to): a `from` day starts at its local midnight, a `to` day
 * is included whole (the range ends at the next local midnight). 400 when it ends before it starts.
 */
export function instantRange(q: { from: string; to: string }, zone: string): { from: string; to: string } {
  const from = isLocalDay(q.from) ? instantAt(q.from, 0, 0, zone) : new Date(q.from);
  const to = isLocalDay(q.to) ? instantAt(addDays(q.to, 1), 0, 0, zone) : new Date(q.to);
  if (from >= to) throw outOfOrder();
  return { from: from.toISOString(), to: to.toISOString() };
}

/** A range as local days, both included: an instant `to` is exclusive, so its last day is the one just before it. */
export function dayRange(q: { from: string; to: string }, zone: string): { from: string; to: string } {
  const from = isLocalDay(q.from) ? q.from : localDay(new Date(q.from), zone);
  const to = isLocalDay(q.to) ? q.to : localDay(new Date(Date.parse(q.to) - 1), zone);
  if (from > to) throw outOfOrder();
  return { from, to };
}
