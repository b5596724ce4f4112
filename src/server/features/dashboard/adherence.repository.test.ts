import { describe, expect, it } from 'vitest';
import { periodParts } from './adherence.repository.js';

describe('a period split into whole months and the days of the months it covers in part', () => {
  it('reads whole months from the kept counts and only the partial ends from the check-ins', () => {
    expect(periodParts('2025-12-03', '2026-12-03')).toEqual({
      wholeMonths: { first: '2026-01', last: '2026-11' },
      edges: [
        ['2025-12-03', '2025-12-31'],
        ['2026-12-01', '2026-12-03'],
      ],
    });
    expect(periodParts('2026-03-01', '2026-03-31')).toEqual({ wholeMonths: { first: '2026-03', last: '2026-03' }, edges: [] });
    // February's last day, in a leap year and not.
    expect(periodParts('2024-02-01', '2024-02-29').edges).toEqual([]);
    expect(periodParts('2026-02-01', '2026-02-28').edges).toEqual([]);
    expect(periodParts('2024-01-01', '2024-02-28').edges).toEqual([['2024-02-01', '2024-02-28']]);
  });

  it('reads a period inside one month from the check-ins alone', () => {
    const { wholeMonths, edges } = periodParts('2026-03-05', '2026-03-20');
    expect(wholeMonths.first > wholeMonths.last).toBe(true);
    expect(edges).toEqual([['2026-03-05', '2026-03-20']]);
    expect(periodParts('2026-03-01', '2026-03-20').edges).toEqual([['2026-03-01', '2026-03-20']]);
  });
});
