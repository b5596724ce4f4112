import { describe, expect, it } from 'vitest';
import { describeDose } from './dose.js';

describe('a dose in plain words', () => {
  it('says "once", never "1 times", and drops the plural for one second or one minute', () => {
    expect(describeDose({ reps: 1, daysPerWeek: 7, perSide: true }).what).toBe('Once, on each side');
    expect(describeDose({ holdSeconds: 1, reps: 5, daysPerWeek: 7 }).what).toBe('Hold 1 second, 5 times');
    expect(describeDose({ minutes: 1, daysPerWeek: 7 }).what).toBe('1 minute');
    expect(describeDose({ minutes: 0.5, daysPerWeek: 7 }).what).toBe('Half a minute');
  });

  it('counts holds, reps and rounds, and how often', () => {
    const d = describeDose({ holdSeconds: 30, reps: 3, sets: 2, timesPerDay: 2, daysPerWeek: 5, perSide: true });
    expect(d.what).toBe('Hold 30 seconds, 3 times, 2 rounds, on each side');
    expect(d.when).toBe('Twice a day, 5 days a week');
    expect(describeDose({ minutes: 2, timesPerDay: 1, daysPerWeek: 7 }).when).toBe('Once a day, every day');
  });

  it('names the pressure of self-massage in words and out of 10', () => {
    expect(describeDose({ minutes: 2, daysPerWeek: 5, pressure: 3 }).pressure).toBe('Press gently: about 3 out of 10');
    expect(describeDose({ minutes: 2, daysPerWeek: 5 }).pressure).toBeNull();
  });
});
