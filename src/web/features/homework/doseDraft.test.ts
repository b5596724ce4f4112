import { describe, expect, it } from 'vitest';
import { doseFrom, draftOf, fieldsOf, sameDose } from './doseDraft.js';

const chinTucks = { holdSeconds: 5, reps: 10, sets: 1, timesPerDay: 3, daysPerWeek: 7 };

describe('the dose as the therapist edits it', () => {
  it('offers the fields the item uses, plus how often', () => {
    expect(fieldsOf({ minutes: 2, daysPerWeek: 5, pressure: 4, perSide: true })).toEqual([
      'minutes',
      'timesPerDay',
      'daysPerWeek',
      'pressure',
    ]);
  });

  it('round-trips an unchanged dose and notices a change', () => {
    const draft = draftOf(chinTucks);
    const same = doseFrom(draft, chinTucks);
    expect('dose' in same && sameDose(same.dose, chinTucks)).toBe(true);
    const changed = doseFrom({ ...draft, numbers: { ...draft.numbers, reps: '8', sets: '' } }, chinTucks);
    expect(changed).toEqual({ dose: { holdSeconds: 5, reps: 8, timesPerDay: 3, daysPerWeek: 7 } });
  });

  it('says what is wrong in words, keyed like the server', () => {
    const draft = draftOf(chinTucks);
    expect(doseFrom({ ...draft, numbers: { ...draft.numbers, reps: '0', sets: '2.5', daysPerWeek: '' } }, chinTucks)).toEqual({
      errors: { 'dose.reps': 'At least 1', 'dose.sets': 'Use a whole number', 'dose.daysPerWeek': 'Say how many days a week' },
    });
    expect(doseFrom({ ...draft, numbers: { ...draft.numbers, holdSeconds: '900' } }, chinTucks)).toEqual({
      errors: { 'dose.holdSeconds': 'At most 600' },
    });
  });
});
