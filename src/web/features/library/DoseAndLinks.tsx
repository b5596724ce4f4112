import { useState } from 'react';
import type { Exercise } from '../../../shared/api/exercises.js';
import { doseSchema } from '../../../shared/exercise.js';
import { FieldFrame } from '../../design/components/Field.js';
import { Button, CheckboxField, FieldGroup, TextField } from '../../design/components/index.js';
import type { DoseNumber, ExerciseDraft } from './exerciseDraft.js';
import { findItem } from './libraryData.js';

const DOSE_FIELDS: { key: DoseNumber; label: string }[] = [
  { key: 'holdSeconds', label: 'Hold (seconds)' },
  { key: 'reps', label: 'Repeat (times)' },
  { key: 'sets', label: 'Sets' },
  { key: 'minutes', label: 'Minutes' },
  { key: 'timesPerDay', label: 'Times a day' },
  { key: 'daysPerWeek', label: 'Days a week' },
];

/** The limits of each number, read from the shared schema so the form and server agree. */
function limitsOf(key: DoseNumber): { min?: number; max?: number } {
  const field = doseSchema.shape[key];
  const inner = 'unwrap' in field ? field.unwrap() : field;
  return { min: inner.minValue ?? undefined, max: inner.maxValue ?? undefined };
}

interface DoseFieldsProps {
  draft: ExerciseDraft;
  setDose: (key: DoseNumber, value: string) => void;
  setPerSide: (perSide: boolean) => void;
  errors: Record<string, string | undefined>;
}

export function DoseFields({ draft, setDose, setPerSide, errors }: DoseFieldsProps) {
  const fields =
    draft.category === 'self-massage' ? [...DOSE_FIELDS, { key: 'pressure' as const, label: 'Pressure (0 to 10)' }] : DOSE_FIELDS;
  return (
    <FieldGroup
      legend="The usual dose"
      hideLegend
      hint="Fill in what applies: a hold, repeats, or minutes. Pressure is 0 (none) to 10 (as firm as they can bear)."
      error={errors.dose}
    >
      {() => (
        <>
          <div className="dose-grid">
            {fields.map(({ key, label }) => (
              <TextField
                key={key}
                label={label}
                name={`dose.${key}`}
                type="number"
                inputMode="numeric"
                step={key === 'minutes' ? 0.5 : 1}
                {...limitsOf(key)}
                optional={key !== 'daysPerWeek'}
                value={draft.dose[key]}
                error={errors[`dose.${key}`]}
                onChange={(e) => setDose(key, e.target.value)}
              />
            ))}
          </div>
          <CheckboxField
            label="Do it on each side"
            name="dose.perSide"
            checked={draft.perSide}
            onChange={(e) => setPerSide(e.target.checked)}
          />
        </>
      )}
    </FieldGroup>
  );
}

interface LinksFieldProps {
  legend: string;
  name: 'easier' | 'harder';
  /** Ids or slugs of the linked items. */
  links: string[];
  onChange: (links: string[]) => void;
  catalogue: Exercise[];
  /** The item being edited, which cannot link to itself. */
  selfId?: string;
  error?: string;
}

/** Links to easier or harder items from the library, chosen from a menu. */
export function LinksField({ legend, name, links, onChange, catalogue, selfId, error }: LinksFieldProps) {
  const [choice, setChoice] = useState('');
  const linked = links.map((id) => ({ id, item: findItem(catalogue, id) }));
  const choosable = catalogue.filter((e) => e.id !== selfId && !linked.some((l) => l.item?.id === e.id));
  return (
    <FieldGroup legend={legend} optional error={error}>
      {() => (
        <div className="stack">
          {linked.length > 0 && (
            <ul className="plain-list link-list">
              {linked.map(({ id, item }) => (
                <li key={id} className="link-list__item">
                  <span>{item?.name ?? 'An item no longer in your library'}</span>
                  <Button variant="ghost" onClick={() => onChange(links.filter((l) => l !== id))}>
                    Remove<span className="visually-hidden"> {item?.name}</span>
                  </Button>
                </li>
              ))}
            </ul>
          )}
          <div className="cluster links-field__add">
            <FieldFrame label={name === 'easier' ? 'Add an easier item' : 'Add a harder item'}>
              {(ids) => (
                <select
                  {...ids}
                  name={`${name}-choice`}
                  className="field__control field__select"
                  value={choice}
                  onChange={(e) => setChoice(e.target.value)}
                >
                  <option value="">Choose an item…</option>
                  {choosable.map((e) => (
                    <option key={e.id} value={e.id}>
                      {e.name}
                    </option>
                  ))}
                </select>
              )}
            </FieldFrame>
            <Button
              variant="secondary"
              disabled={!choice}
              onClick={() => {
                onChange([...links, choice]);
                setChoice('');
              }}
            >
              Add
            </Button>
          </div>
        </div>
      )}
    </FieldGroup>
  );
}
