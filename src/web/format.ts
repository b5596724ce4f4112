/**
 * Dates and times in the therapist app: always on the signed-in practice's clock (its time zone and
 * its 12- or 24-hour choice), never the device's. Screens call usePracticeClock(); plain functions
 * outside React take the same clock, and fall back to the signed-in practice's when none is given.
 */
import { useMemo } from 'react';
import type { Client } from '../shared/api/clients.js';
import {
  defaultHourStyle,
  deviceClockDiffers,
  formatDate as formatDateOn,
  formatDateTime as formatDateTimeOn,
  formatDayHeading as formatDayHeadingOn,
  formatTime as formatTimeOn,
  formatTimeRange as formatTimeRangeOn,
  formatWhen as formatWhenOn,
  localInputs,
  type Moment,
  type PracticeClock,
  parseLocalDateTime,
  zoneLabel,
} from '../shared/time/format.js';
import { isoInZone, type LocalDate, todayIn } from '../shared/time/zone.js';
import { useSession } from './session.js';

export type { HourStyle, Moment, PracticeClock } from '../shared/time/format.js';

export function deviceTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

const deviceClock = (): PracticeClock => {
  const timeZone = deviceTimeZone();
  return { timeZone, hourStyle: defaultHourStyle(timeZone) };
};

// The signed-in practice's clock, kept by usePracticeClock so plain functions agree with the screens.
let current: PracticeClock | null = null;
const clockOr = (clock?: PracticeClock) => clock ?? current ?? deviceClock();

/** The signed-in practice's clock, or its hour style in another zone (an appointment's, a client's). */
export function clockIn(timeZone?: string): PracticeClock {
  const practice = clockOr();
  return timeZone ? { timeZone, hourStyle: practice.hourStyle } : practice;
}

/** "Wed 16 Dec" (with the year when not this year). */
export const formatDate = (moment: Moment | null | undefined, clock?: PracticeClock) =>
  moment ? formatDateOn(moment, clockOr(clock)) : '';
/** "Wed 16 Dec, 10:00 AM". */
export const formatDateTime = (moment: Moment | null | undefined, clock?: PracticeClock) =>
  moment ? formatDateTimeOn(moment, clockOr(clock)) : '';
/** "10:00 AM" or "10:00". */
export const formatTime = (moment: Moment | null | undefined, clock?: PracticeClock) =>
  moment ? formatTimeOn(moment, clockOr(clock)) : '';
/** "Wednesday 16 December". */
export const formatDayHeading = (moment: Moment | null | undefined, clock?: PracticeClock) =>
  moment ? formatDayHeadingOn(moment, clockOr(clock)) : '';

/** The practice's clock with its formatters bound, for one screen. */
export interface PracticeClockTools extends PracticeClock {
  /** "New York". */
  zoneName: string;
  /** This device's clock reads differently from the practice's: say so quietly near the times. */
  deviceElsewhere: boolean;
  date(moment: Moment): string;
  time(moment: Moment): string;
  dateTime(moment: Moment): string;
  dayHeading(moment: Moment): string;
  /** "Wednesday 16 December at 10:00 AM". */
  when(moment: Moment): string;
  timeRange(start: Moment, end: Moment): string;
  /** Today on the practice's clock. */
  today(): LocalDate;
  /** A typed day and time on the practice's clock as the API's startsAt ("2026-12-16T10:00:00-05:00"); null if not a real day or time. */
  startsAt(date: string, time: string): string | null;
  /** The day and time inputs' values for an instant. */
  inputs(moment: Moment): { date: LocalDate; time: string };
}

export function clockTools(clock: PracticeClock): PracticeClockTools {
  return {
    ...clock,
    zoneName: zoneLabel(clock.timeZone),
    deviceElsewhere: deviceClockDiffers(deviceTimeZone(), clock.timeZone),
    date: (m) => formatDateOn(m, clock),
    time: (m) => formatTimeOn(m, clock),
    dateTime: (m) => formatDateTimeOn(m, clock),
    dayHeading: (m) => formatDayHeadingOn(m, clock),
    when: (m) => formatWhenOn(m, clock),
    timeRange: (a, b) => formatTimeRangeOn(a, b, clock),
    today: () => todayIn(clock.timeZone),
    startsAt: (date, time) => {
      const instant = parseLocalDateTime(date, time, clock.timeZone);
      return instant && isoInZone(instant, clock.timeZone);
    },
    inputs: (m) => localInputs(m, clock.timeZone),
  };
}

/** The signed-in practice's clock (the device's on signed-out pages). */
export function usePracticeClock(): PracticeClockTools {
  const { state } = useSession();
  const practice = state.status === 'signed-in' ? state.practice : null;
  const timeZone = practice?.timezone;
  const hourStyle = practice?.timeFormat;
  return useMemo(() => {
    const clock = timeZone && hourStyle ? { timeZone, hourStyle } : deviceClock();
    if (timeZone) current = clock;
    return clockTools(clock);
  }, [timeZone, hourStyle]);
}

/**
 * A calendar day such as a session date ("2026-03-14") as that day ("Sat 14 Mar"); a timestamp as the
 * day it was on the practice's clock.
 */
export const formatDay = (value: string | null | undefined): string => formatDate(value);

/** Today on the practice's clock (not this device's), as the API's "YYYY-MM-DD". */
export function todayHere(now = new Date()): string {
  return todayIn(clockIn().timeZone, now);
}

/** A client's name as the app writes it: first and last, whichever are given. */
export const fullName = (c: Pick<Client, 'firstName' | 'lastName'>) => [c.firstName, c.lastName].filter(Boolean).join(' ');
