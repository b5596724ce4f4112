import { describe, expect, it } from 'vitest';
import {
  defaultHourStyle,
  deviceClockDiffers,
  formatDate,
  formatDateTime,
  formatDayHeading,
  formatMonth,
  formatTime,
  formatTimeRange,
  formatWhen,
  localInputs,
  parseLocalDateTime,
  zoneLabel,
} from './format.js';

const NY = 'America/New_York';
const now = new Date('2026-06-01T12:00:00Z');
const twelve = { timeZone: NY, hourStyle: '12h' } as const;
const twentyFour = { timeZone: NY, hourStyle: '24h' } as const;

describe('dates and times on the practice clock', () => {
  it('writes a time in the practice zone with its hour style, whatever the instant is written in', () => {
    expect(formatTime('2026-12-16T15:00:00Z', twelve)).toBe('10:00 AM');
    expect(formatTime('2026-12-17T00:00:00+09:00', twelve)).toBe('10:00 AM');
    expect(formatTime('2026-12-16T15:00:00Z', twentyFour)).toBe('10:00');
    expect(formatTime('2026-12-16T19:30:00Z', twelve)).toBe('2:30 PM');
    expect(formatTime('2026-12-16T19:30:00Z', twentyFour)).toBe('14:30');
    expect(formatTime('2026-12-16T05:05:00Z', twelve)).toBe('12:05 AM');
    expect(formatTime('2026-12-16T17:00:00Z', twelve)).toBe('12:00 PM');
    expect(formatTime('2026-12-16T05:05:00Z', twentyFour)).toBe('00:05');
    expect(formatTimeRange('2026-12-16T15:00:00Z', '2026-12-16T16:00:00Z', twelve)).toBe('10:00 AM – 11:00 AM');
  });

  it('writes the day the practice is on, leaving out this year only', () => {
    // 11 PM in New York is already the next day in UTC.
    expect(formatDate('2026-12-17T04:00:00Z', twelve, { now })).toBe('Wed 16 Dec');
    expect(formatDate('2027-01-04T15:00:00Z', twelve, { now })).toBe('Mon 4 Jan 2027');
    expect(formatDate('2026-09-09', twelve, { now })).toBe('Wed 9 Sep');
    expect(formatDateTime('2026-12-16T15:00:00Z', twelve, { now })).toBe('Wed 16 Dec, 10:00 AM');
    expect(formatDateTime('2026-12-16T15:00:00Z', twentyFour, { now })).toBe('Wed 16 Dec, 10:00');
    expect(formatDayHeading('2026-12-16', twelve, { now })).toBe('Wednesday 16 December');
    expect(formatWhen('2027-03-02T15:00:00Z', twentyFour, { now })).toBe('Tuesday 2 March 2027 at 10:00');
  });

  it('keeps 10:00 at 10:00 on both sides of the March and November clock changes', () => {
    // Sunday 8 March 2026 clocks go forward in New York; Sunday 1 November they go back.
    for (const day of ['2026-03-07', '2026-03-08', '2026-03-09', '2026-10-31', '2026-11-01', '2026-11-02']) {
      const instant = parseLocalDateTime(day, '10:00', NY);
      expect(instant && formatDateTime(instant, twelve, { now })).toBe(`${formatDate(day, twelve, { now })}, 10:00 AM`);
      expect(instant && localInputs(instant, NY)).toEqual({ date: day, time: '10:00' });
    }
    expect(parseLocalDateTime('2026-03-08', '10:00', NY)?.toISOString()).toBe('2026-03-08T14:00:00.000Z');
    expect(parseLocalDateTime('2026-03-07', '10:00', NY)?.toISOString()).toBe('2026-03-07T15:00:00.000Z');
    expect(parseLocalDateTime('2026-11-01', '10:00', NY)?.toISOString()).toBe('2026-11-01T15:00:00.000Z');
    // Europe changes on other Sundays: 29 March and 25 October.
    const berlin = { timeZone: 'Europe/Berlin', hourStyle: '24h' } as const;
    expect(formatTime(parseLocalDateTime('2026-03-29', '10:00', 'Europe/Berlin') ?? '', berlin)).toBe('10:00');
    expect(parseLocalDateTime('2026-10-25', '10:00', 'Europe/Berlin')?.toISOString()).toBe('2026-10-25T09:00:00.000Z');
  });

  it('reads a typed day and time in the practice zone, and nothing that is not a real day or time', () => {
    expect(parseLocalDateTime('2026-12-16', '10:00', NY)?.toISOString()).toBe('2026-12-16T15:00:00.000Z');
    expect(parseLocalDateTime('2026-12-16', '10:00', 'Asia/Tokyo')?.toISOString()).toBe('2026-12-16T01:00:00.000Z');
    expect(parseLocalDateTime('2026-02-30', '10:00', NY)).toBeNull();
    expect(parseLocalDateTime('2026-12-16', '24:00', NY)).toBeNull();
    expect(parseLocalDateTime('2026-12-16', '10', NY)).toBeNull();
  });

  it('names the zone and notices a device on another clock', () => {
    expect(zoneLabel(NY)).toBe('New York');
    expect(zoneLabel('America/Indiana/Indianapolis')).toBe('Indianapolis');
    expect(deviceClockDiffers('Asia/Tokyo', NY, now)).toBe(true);
    expect(deviceClockDiffers('America/Toronto', NY, now)).toBe(false);
    // Same offset in winter, different in summer: still a different clock.
    expect(deviceClockDiffers('America/Phoenix', 'America/Denver', new Date('2026-01-10T12:00:00Z'))).toBe(true);
  });

  it('starts from the hour style the practice zone usually reads', () => {
    expect(defaultHourStyle(NY)).toBe('12h');
    expect(defaultHourStyle('Australia/Sydney')).toBe('12h');
    expect(defaultHourStyle('Europe/London')).toBe('24h');
    expect(defaultHourStyle('Europe/Berlin')).toBe('24h');
    expect(defaultHourStyle('UTC')).toBe('12h');
  });

  it('writes months in the same words', () => {
    expect(formatMonth('2026-09')).toBe('Sep');
    expect(formatMonth('2026-12', 'long')).toBe('December 2026');
  });

  it('gives back what it cannot read rather than a wrong time', () => {
    expect(formatTime('soon', twelve)).toBe('soon');
    expect(formatDate('soon', twelve)).toBe('soon');
  });
});
