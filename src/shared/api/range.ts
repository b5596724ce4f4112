import { z } from 'zod';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A day `YYYY-MM-DD` is a local day in the practice's zone. */
export const isLocalDay = (s: string) => DAY.test(s);

/**
 * One end of a range on every list and report: a day (`2026-12-03`, in the practice's time zone;
 * a `to` day is included whole) or a date-time with its offset (`2026-12-03T09:00:00-05:00`).
 */
export const rangeBound = z
  .string()
  .refine(
    (s) => DAY.test(s) || INSTANT.test(s),
    'Use a date like 2026-12-03, or a date and time with its offset like 2026-12-03T09:00:00-05:00',
  )
  .refine((s) => !Number.isNaN(Date.parse(DAY.test(s) ? `${s}T12:00:00Z` : s)), 'Not a real date')
  .refine((s) => s >= '2000' && s < '2100', 'Choose a date between 2000 and 2100');

export const rangeQuery = z.object({ from: rangeBound, to: rangeBound });
