import { describe, expect, it } from 'vitest';
import { whenLabel } from './rebookText.js';

describe('checkout times', () => {
  it('words a time in the appointment’s zone, never the device’s', () => {
    // The test device's own zone plays no part: 09:00 UTC is 10:00 in London in April.
    expect(whenLabel('2026-04-14T09:00:00Z', 'Europe/London')).toMatch(/^Tuesday 14 April( 2026)? at 10:00( AM)?$/);
    expect(whenLabel('2026-04-14T09:00:00Z', 'America/New_York')).toMatch(/^Tuesday 14 April( 2026)? at (05:00|5:00 AM)$/);
  });
});
