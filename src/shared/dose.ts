import type { Dose } from './exercise.js';

const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

/** A dose in plain words a client can follow: "Hold 30 seconds, 3 times, on each side". */
export function describeDose(d: Dose): { what: string; when: string; pressure: string | null } {
  const parts: string[] = [];
  if (d.holdSeconds) parts.push(`hold ${d.holdSeconds} second${d.holdSeconds === 1 ? '' : 's'}`);
  if (d.minutes) parts.push(d.minutes === 0.5 ? 'half a minute' : `${d.minutes} minute${d.minutes === 1 ? '' : 's'}`);
  if (d.reps) parts.push(d.reps === 1 ? 'once' : `${d.reps} times`);
  if (d.sets && d.sets > 1) parts.push(`${d.sets} rounds`);
  if (d.perSide) parts.push('on each side');
  const what = parts.join(', ');
  const perDay = d.timesPerDay ? `${times(d.timesPerDay)} a day` : 'once a day';
  const when = d.daysPerWeek === 7 ? `${perDay}, every day` : `${perDay}, ${d.daysPerWeek} days a week`;
  const pressure =
    d.pressure === undefined
      ? null
      : `Press ${d.pressure <= 3 ? 'gently' : d.pressure <= 6 ? 'firmly but kindly' : 'firmly'}: about ${d.pressure} out of 10`;
  return { what: what.charAt(0).toUpperCase() + what.slice(1), when: when.charAt(0).toUpperCase() + when.slice(1), pressure };
}
