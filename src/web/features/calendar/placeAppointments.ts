import type { Appointment } from '../../../shared/api/appointments.js';
import { type LocalDate, wallClock } from '../../../shared/time/zone.js';

/** Pixels per hour of the day grid, and the shortest block drawn (a finger's width). */
export const HOUR_HEIGHT = 64;
export const MIN_BLOCK = 44;

export interface PlacedAppointment {
  appointment: Appointment;
  /** Minutes since the day's midnight on the practice's clock. */
  startMinute: number;
  endMinute: number;
  /** Side-by-side position when appointments overlap: lane of lanes. */
  lane: number;
  lanes: number;
}

/** The appointments that start on each day, in practice time, placed side by side where they overlap. */
export function placeByDay(appointments: Appointment[], days: LocalDate[], timeZone: string): Map<LocalDate, PlacedAppointment[]> {
  const byDay = new Map<LocalDate, PlacedAppointment[]>(days.map((d) => [d, []]));
  for (const appointment of appointments) {
    const start = wallClock(new Date(appointment.startsAt), timeZone);
    const list = byDay.get(start.date);
    if (!list) continue;
    const endMinute = Math.min(start.minutes + appointment.durationMinutes, 24 * 60);
    list.push({ appointment, startMinute: start.minutes, endMinute, lane: 0, lanes: 1 });
  }
  for (const list of byDay.values()) assignLanes(list);
  return byDay;
}

/** Greedy lanes within each run of blocks that touch on screen (a short block is drawn taller than it lasts). */
function assignLanes(list: PlacedAppointment[]) {
  const minMinutes = (MIN_BLOCK / HOUR_HEIGHT) * 60;
  const drawnEnd = (p: PlacedAppointment) => Math.max(p.endMinute, p.startMinute + minMinutes);
  list.sort((a, b) => a.startMinute - b.startMinute || b.endMinute - a.endMinute);
  let cluster: PlacedAppointment[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = -1;
  const close = () => {
    for (const p of cluster) p.lanes = laneEnds.length;
    cluster = [];
    laneEnds = [];
  };
  for (const p of list) {
    if (p.startMinute >= clusterEnd) close();
    let lane = laneEnds.findIndex((end) => end <= p.startMinute);
    if (lane === -1) lane = laneEnds.push(0) - 1;
    laneEnds[lane] = drawnEnd(p);
    p.lane = lane;
    cluster.push(p);
    clusterEnd = Math.max(clusterEnd, drawnEnd(p));
  }
  close();
}

/** The hours to draw: 7:00 to 20:00, stretched to fit anything earlier or later. */
export function visibleHours(placed: Iterable<PlacedAppointment[]>): { first: number; last: number } {
  let first = 7;
  let last = 20;
  for (const list of placed)
    for (const p of list) {
      first = Math.min(first, Math.floor(p.startMinute / 60));
      last = Math.max(last, Math.ceil(p.endMinute / 60));
    }
  return { first, last };
}
