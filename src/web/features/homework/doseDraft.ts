// The dose as the therapist edits it: text in number fields, checked against the shared schema.
import { type Dose, doseSchema } from '../../../shared/exercise.js';

export const DOSE_NUMBERS = ['holdSeconds', 'reps', 'sets', 'minutes', 'timesPerDay', 'daysPerWeek', 'pressure'] as const;
export type DoseNumber = (typeof DOSE_NUMBERS)[number];

export const DOSE_LABELS: Record<DoseNumber, string> = {
  holdSeconds: 'Hold (seconds)',
  reps: 'Repeat (times)',
  sets: 'Rounds',
  minutes: 'Minutes',
  timesPerDay: 'Times a day',
  daysPerWeek: 'Days a week',
  pressure: 'Pressure (0 to 10)',
};

export interface DoseDraft {
  numbers: Partial<Record<DoseNumber, string>>;
  perSide: boolean;
}

export function draftOf(dose: Dose): DoseDraft {
  const numbers: DoseDraft['numbers'] = {};
  for (const key of DOSE_NUMBERS) if (dose[key] !== undefined) numbers[key] = String(dose[key]);
  return { numbers, perSide: Boolean(dose.perSide) };
}

/** The fields this item's dose uses, plus how often: the therapist adjusts, not redesigns. */
export function fieldsOf(dose: Dose): DoseNumber[] {
  return DOSE_NUMBERS.filter((key) => dose[key] !== undefined || key === 'timesPerDay' || key === 'daysPerWeek');
}

/** The limits of each number, read from the shared schema so the form and the server agree. */
export function limitsOf(key: DoseNumber): { min?: number; max?: number } {
  const field = doseSchema.shape[key];
  const inner = 'unwrap' in field ? field.unwrap() : field;
  return { min: inner.minValue ?? undefined, max: inner.maxValue ?? undefined };
}

/** A dose from the draft, or messages keyed like the server's ("dose.reps"). */
export function doseFrom(draft: DoseDraft, original: Dose): { dose: Dose } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const dose: Record<string, number | boolean> = {};
  for (const key of DOSE_NUMBERS) {
    const text = draft.numbers[key]?.trim() ?? '';
    if (!text) continue;
    const value = Number(text);
    if (Number.isNaN(value)) errors[`dose.${key}`] = 'Enter a number';
    else dose[key] = value;
  }
  if (draft.perSide || original.perSide !== undefined) dose.perSide = draft.perSide;
  if (Object.keys(errors).length) return { errors };
  const parsed = doseSchema.safeParse(dose);
  if (parsed.success) return { dose: parsed.data };
  for (const issue of parsed.error.issues) errors[`dose.${issue.path.map(String).join('.')}`] ??= plainMessage(issue, dose);
  return { errors };
}

function plainMessage(issue: { code: string; path: PropertyKey[]; message: string }, dose: Record<string, unknown>): string {
  const key = issue.path[0] as DoseNumber;
  if (dose[key] === undefined) return 'Say how many days a week';
  const { min, max } = limitsOf(key);
  if (issue.code === 'too_small') return `At least ${min}`;
  if (issue.code === 'too_big') return `At most ${max}`;
  if (!Number.isInteger(dose[key])) return key === 'minutes' ? 'Use whole or half minutes' : 'Use a whole number';
  return issue.message;
}

export function sameDose(a: Dose, b: Dose): boolean {
  return DOSE_NUMBERS.every((key) => a[key] === b[key]) && Boolean(a.perSide) === Boolean(b.perSide);
}
