import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, localDay, localHour } from './local-time.js';

// The fast paths agree with luxon, hour by hour, across both daylight-saving changes and zones on both sides of UTC.
describe('local time', () => {
  const zones = ['America/New_York', 'Europe/London', 'Australia/Sydney', 'Pacific/Auckland', 'Asia/Kolkata', 'UTC'];
  it('gives the same local day and hour as luxon for every hour of a year', () => {
    for (const zone of zones) {
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000) {
        const instant = new Date(t);
        const lux = DateTime.fromJSDate(instant, { zone });
        expect(localDay(instant, zone)).toBe(lux.toISODate());
        expect(localHour(instant, zone)).toBe(lux.hour);
      }
    }
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-08', -13)).toBe('2026-02-23');
    expect(addDays('2026-11-01', 0)).toBe('2026-11-01');
    expect(daysBetween('2026-03-01', '2026-03-15')).toBe(14);
    expect(daysBetween('2026-03-15', '2026-03-01')).toBe(-14);
    expect(daysBetween('2025-12-31', '2028-12-31')).toBe(366 + 365 + 365);
  });
});
