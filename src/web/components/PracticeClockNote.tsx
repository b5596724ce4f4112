import { clockTools, usePracticeClock } from '../format.js';

/**
 * A quiet line for a device set to another time zone: the times shown and typed are the practice's,
 * so a laptop elsewhere never books or shows a different hour. Nothing when the clocks agree.
 */
export function PracticeClockNote({ timeZone }: { timeZone?: string }) {
  const practice = usePracticeClock();
  const clock = timeZone && timeZone !== practice.timeZone ? clockTools({ ...practice, timeZone }) : practice;
  if (!clock.deviceElsewhere) return null;
  return <p className="small muted">Times are in the practice’s time zone, {clock.zoneName}.</p>;
}
