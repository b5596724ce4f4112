import { describe, expect, it } from 'vitest';
import { addDays, daysSpan, instantAt, isoInZone, isoInZoneWithMillis, isoWeekday, mondayOf, wallClock } from './zone.js';

const NY = 'America/New_York';

describe('wall-clock time in the practice zone', () => {
  it('turns a day and a time into the right instant on either side of a clock change', () => {
    expect(instantAt('2026-03-06', '10:00', NY).toISOString()).toBe('2026-03-06T15:00:00.000Z');
    expect(instantAt('2026-03-09', '10:00', NY).toISOString()).toBe('2026-03-09T14:00:00.000Z');
    expect(isoInZone(new Date('2026-03-09T14:00:00Z'), NY)).toBe('2026-03-09T10:00:00-04:00');
    expect(isoInZone(new Date('2026-01-15T09:30:00Z'), 'Asia/Kolkata')).toBe('2026-01-15T15:00:00+05:30');
  });

  it('moves a time skipped by spring-forward to just after the change, and picks the first of a repeated hour', () => {
    expect(isoInZone(instantAt('2026-03-08', '02:30', NY), NY)).toBe('2026-03-08T03:30:00-04:00');
    expect(isoInZone(instantAt('2026-11-01', '01:30', NY), NY)).toBe('2026-11-01T01:30:00-04:00');
  });

  it('makes weeks run Monday midnight to Monday midnight, 167 or 169 hours long across a change', () => {
    expect(mondayOf('2026-03-08')).toBe('2026-03-02');
    expect(mondayOf('2026-03-09')).toBe('2026-03-09');
    const spring = daysSpan('2026-03-02', 7, NY);
    expect((spring.to.getTime() - spring.from.getTime()) / 3_600_000).toBe(167);
    const autumn = daysSpan(mondayOf('2026-10-25'), 7, 'Europe/London');
    expect(autumn.from.toISOString()).toBe('2026-10-18T23:00:00.000Z');
    expect((autumn.to.getTime() - autumn.from.getTime()) / 3_600_000).toBe(169);
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
  });

  it('writes appointment times with milliseconds as the API does, and counts weekdays from Monday 1', () => {
    expect(isoInZoneWithMillis(new Date('2026-03-09T14:00:00Z'), NY)).toBe('2026-03-09T10:00:00.000-04:00');
    expect(isoInZoneWithMillis(new Date('2026-11-02T15:00:00.250Z'), NY)).toBe('2026-11-02T10:00:00.250-05:00');
    expect(['2026-03-09', '2026-03-14', '2026-03-15'].map(isoWeekday)).toEqual([1, 6, 7]);
  });

  it('reads the wall clock in the zone, not the device', () => {
    expect(wallClock(new Date('2026-03-09T03:15:00Z'), NY)).toMatchObject({ date: '2026-03-08', minutes: 23 * 60 + 15 });
  });
});
