/**
 * How Carryover writes dates and times, everywhere: the therapist app, the client's page, mails, the
 * handout and invites. Always on the practice's clock (never the device's) and in one style, with
 * the practice's choice of a 12- or 24-hour clock. Names are our own English words rather than
 * Intl's, so Node and every browser write exactly the same thing ("Sept" vs "Sep" differs by engine).
 */
import { instantAt, isLocalDate, type LocalDate, offsetMinutes, wallClock } from './zone.js';

export const HOUR_STYLES = ['12h', '24h'] as const;
export type HourStyle = (typeof HOUR_STYLES)[number];

/** The practice's clock: its time zone and whether it writes 2:30 PM or 14:30. */
export interface PracticeClock {
  timeZone: string;
  hourStyle: HourStyle;
}

/** A moment: a Date or an ISO-8601 date-time. A plain "YYYY-MM-DD" is a calendar day where a day is asked for. */
export type Moment = Date | string;

interface Options {
  /** Today's year is left out ("Wed 16 Dec"); other years are written. Defaults to now. */
  now?: Date;
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number) => String(n).padStart(2, '0');

const instantOf = (moment: Moment) => (moment instanceof Date ? moment : new Date(moment));

/** The calendar day a moment falls on in the zone; a plain day stays the day it is. */
function dayOf(moment: Moment, timeZone: string): LocalDate | null {
  if (typeof moment === 'string' && isLocalDate(moment)) return moment;
  const instant = instantOf(moment);
  return Number.isNaN(instant.getTime()) ? null : wallClock(instant, timeZone).date;
}

function dayParts(day: LocalDate) {
  const [year, month, date] = day.split('-').map(Number);
  const weekday = (new Date(Date.UTC(year, month - 1, date)).getUTCDay() + 6) % 7; // Monday 0
  return { year, month, date, weekday };
}

const thisYear = (timeZone: string, now = new Date()) => Number(wallClock(now, timeZone).date.slice(0, 4));

/** "10:00 AM" or "10:00" for minutes since midnight. */
export function clockTime(minutes: number, hourStyle: HourStyle): string {
  const hour = Math.floor(minutes / 60) % 24;
  const minute = pad(minutes % 60);
  if (hourStyle === '24h') return `${pad(hour)}:${minute}`;
  return `${hour % 12 || 12}:${minute} ${hour < 12 ? 'AM' : 'PM'}`;
}

/** "10:00 AM" (12-hour) or "10:00" (24-hour) on the practice's clock. */
export function formatTime(moment: Moment, clock: PracticeClock): string {
  const instant = instantOf(moment);
  if (Number.isNaN(instant.getTime())) return String(moment);
  return clockTime(wallClock(instant, clock.timeZone).minutes, clock.hourStyle);
}

/** "10:00 AM – 11:00 AM" or "10:00 – 11:00". */
export function formatTimeRange(start: Moment, end: Moment, clock: PracticeClock): string {
  return `${formatTime(start, clock)} – ${formatTime(end, clock)}`;
}

/** "Wed 16 Dec", with the year when it is not this year ("Wed 16 Dec 2027"). */
export function formatDate(moment: Moment, clock: PracticeClock, options: Options = {}): string {
  const day = dayOf(moment, clock.timeZone);
  if (!day) return String(moment);
  const p = dayParts(day);
  const year = p.year === thisYear(clock.timeZone, options.now) ? '' : ` ${p.year}`;
  return `${WEEKDAYS[p.weekday].slice(0, 3)} ${p.date} ${MONTHS[p.month - 1].slice(0, 3)}${year}`;
}

/** "Wed 16 Dec, 10:00 AM" (or "Wed 16 Dec 2027, 10:00"). */
export function formatDateTime(moment: Moment, clock: PracticeClock, options: Options = {}): string {
  const instant = instantOf(moment);
  if (Number.isNaN(instant.getTime())) return String(moment);
  return `${formatDate(instant, clock, options)}, ${formatTime(instant, clock)}`;
}

/** "Dec" for "2026-12", or "December 2026" in full. */
export function formatMonth(month: string, style: 'short' | 'long' = 'short'): string {
  const [year, number] = month.split('-').map(Number);
  const name = MONTHS[number - 1];
  if (!name) return month;
  return style === 'short' ? name.slice(0, 3) : `${name} ${year}`;
}

/** "Wednesday 16 December" (with the year when it is not this year): a day said in full, as a heading. */
export function formatDayHeading(moment: Moment, clock: PracticeClock, options: Options = {}): string {
  const day = dayOf(moment, clock.timeZone);
  if (!day) return String(moment);
  const p = dayParts(day);
  const year = p.year === thisYear(clock.timeZone, options.now) ? '' : ` ${p.year}`;
  return `${WEEKDAYS[p.weekday]} ${p.date} ${MONTHS[p.month - 1]}${year}`;
}

/** "Wednesday 16 December at 10:00 AM": a time said in full, in a sentence. */
export function formatWhen(moment: Moment, clock: PracticeClock, options: Options = {}): string {
  const instant = instantOf(moment);
  if (Number.isNaN(instant.getTime())) return String(moment);
  return `${formatDayHeading(instant, clock, options)} at ${formatTime(instant, clock)}`;
}

const WALL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The instant a typed day ("2026-12-16") and time ("10:00") mean on the practice's clock, or null
 * when either is not a real day or time. The device's own zone plays no part.
 */
export function parseLocalDateTime(date: string, time: string, timeZone: string): Date | null {
  if (!isLocalDate(date) || !WALL_TIME.test(time)) return null;
  return instantAt(date, time, timeZone);
}

/** The day and time inputs' values ("2026-12-16", "10:00") for an instant on the practice's clock. */
export function localInputs(moment: Moment, timeZone: string): { date: LocalDate; time: string } {
  const wall = wallClock(instantOf(moment), timeZone);
  return { date: wall.date, time: clockTime(wall.minutes, '24h') };
}

/** "New York" for America/New_York: the place a time zone is named after. */
export function zoneLabel(timeZone: string): string {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 'UTC';
  return (timeZone.split('/').pop() ?? timeZone).replace(/_/g, ' ');
}

/** True when this device's clock reads differently from the practice's right now (or at some time this year). */
export function deviceClockDiffers(deviceZone: string, practiceZone: string, now = new Date()): boolean {
  if (deviceZone === practiceZone) return false;
  const later = new Date(now.getTime() + 182 * 86_400_000); // the other side of a daylight-saving change
  return [now, later].some((t) => offsetMinutes(t, deviceZone) !== offsetMinutes(t, practiceZone));
}

/*
 * Where most people read a 12-hour clock: the United States, Canada (outside Quebec), Australia, New
 * Zealand, the Philippines, India, Pakistan, Bangladesh, Egypt and Saudi Arabia. Elsewhere 24-hour.
 * Only a starting point: the practice chooses in its settings.
 */
const TWELVE_HOUR_ZONES =
  /^(America\/(New_York|Chicago|Denver|Phoenix|Los_Angeles|Anchorage|Juneau|Sitka|Nome|Adak|Boise|Detroit|Indiana\/.+|Kentucky\/.+|North_Dakota\/.+|Menominee|Toronto|Vancouver|Edmonton|Winnipeg|Regina|Halifax|St_Johns|Moncton|Whitehorse|Yellowknife|Puerto_Rico)|US\/.+|Canada\/.+|Pacific\/(Honolulu|Auckland|Chatham|Guam)|Australia\/.+|Asia\/(Kolkata|Calcutta|Manila|Karachi|Dhaka|Riyadh)|Africa\/Cairo|UTC|Etc\/UTC)$/;

/** The hour style most people in the practice's time zone read, until the practice chooses. */
export function defaultHourStyle(timeZone: string): HourStyle {
  return TWELVE_HOUR_ZONES.test(timeZone) ? '12h' : '24h';
}
