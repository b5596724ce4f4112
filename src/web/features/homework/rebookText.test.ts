import { describe, expect, it } from 'vitest';
import { instantFrom, localParts, whenLabel } from './rebookText.js';

describe('checkout times', () => {
  it('turns the date and time inputs into an instant with this device’s offset', () => {
    const at = instantFrom('2026-04-14', '10:30');
    expect(at).toMatch(/^2026-04-14T10:30:00[+-]\d{2}:\d{2}$/);
    expect(Date.parse(at!)).toBe(new Date(2026, 3, 14, 10, 30).getTime());
    expect(localParts(at!)).toEqual({ date: '2026-04-14', time: '10:30' });
    expect(instantFrom('2026-04-14', '')).toBeNull();
  });

  it('words a time the way the server words the suggestion', () => {
    expect(whenLabel('2026-04-14T10:00:00+01:00', 'Europe/London')).toBe('Tuesday 14 April at 10:00');
  });
});
