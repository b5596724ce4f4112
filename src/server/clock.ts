/** Time as the app sees it; tests pass a clock they can move. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export const iso = (d: Date) => d.toISOString();
export const addMinutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);
