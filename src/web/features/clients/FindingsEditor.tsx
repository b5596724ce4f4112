import { useId } from 'react';
import { REGIONS, type Region } from '../../../shared/vocabulary.js';
import { Button, SelectField, TextField } from '../../design/components/index.js';
import { errorAt, type Side, sideLabels } from './labels.js';
import { FINDING_NOTES, MUSCLES_BY_REGION } from './muscles.js';

export interface FindingDraft {
  /** Stable key for React while rows are added and removed. */
  key: string;
  region: Region | '';
  side: Side | '';
  muscle: string;
  note: string;
}

interface FindingsEditorProps {
  findings: FindingDraft[];
  onChange: (next: FindingDraft[]) => void;
  /** Where a new finding starts: the area tapped last. */
  startAt?: { region: Region; side?: Side };
  errors: Record<string, string>;
}

let counter = 0;
export const newFinding = (startAt?: { region: Region; side?: Side }): FindingDraft => ({
  key: `finding-${++counter}`,
  region: startAt?.region ?? '',
  side: startAt?.side ?? '',
  muscle: '',
  note: 'Trigger point',
});

const regionOptions = [{ value: '', label: 'Choose an area' }, ...Object.entries(REGIONS).map(([value, label]) => ({ value, label }))];
const sideOptions = [
  { value: '', label: 'No side' },
  ...(['left', 'right', 'both'] as const).map((s) => ({ value: s, label: sideLabels[s] })),
];

/** Findings such as "trigger point in levator scapulae, left": area, side, muscle and a short note. */
export function FindingsEditor({ findings, onChange, startAt, errors }: FindingsEditorProps) {
  const notesListId = useId();
  const update = (i: number, change: Partial<FindingDraft>) => onChange(findings.map((f, j) => (j === i ? { ...f, ...change } : f)));
  return (
    <div className="stack">
      <datalist id={notesListId}>
        {FINDING_NOTES.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      {findings.length === 0 && <p className="muted small">No findings recorded.</p>}
      <ol className="plain-list stack findings">
        {findings.map((f, i) => {
          const err = (field: string) => errorAt(errors, `findings.${i}.${field}`);
          const musclesId = `${f.key}-muscles`;
          return (
            <li key={f.key} className="finding">
              <fieldset className="finding__fields">
                <legend className="visually-hidden">Finding {i + 1}</legend>
                <SelectField
                  label="Area"
                  name={`findings.${i}.region`}
                  options={regionOptions}
                  value={f.region}
                  onChange={(e) => update(i, { region: e.target.value as Region })}
                  error={err('region')}
                />
                <SelectField
                  label="Side"
                  name={`findings.${i}.side`}
                  optional
                  options={sideOptions}
                  value={f.side}
                  onChange={(e) => update(i, { side: e.target.value as Side | '' })}
                  error={err('side')}
                />
                <TextField
                  label="Muscle"
                  name={`findings.${i}.muscle`}
                  optional
                  autoComplete="off"
                  list={musclesId}
                  value={f.muscle}
                  onChange={(e) => update(i, { muscle: e.target.value })}
                  error={err('muscle')}
                />
                <datalist id={musclesId}>
                  {(f.region ? (MUSCLES_BY_REGION[f.region] ?? []) : []).map((m) => (
                    <option key={m} value={m} />
                  ))}
                </datalist>
                <TextField
                  label="Note"
                  name={`findings.${i}.note`}
                  optional
                  autoComplete="off"
                  list={notesListId}
                  value={f.note}
                  onChange={(e) => update(i, { note: e.target.value })}
                  error={err('note')}
                />
              </fieldset>
              <Button variant="ghost" onClick={() => onChange(findings.filter((_, j) => j !== i))}>
                Remove<span className="visually-hidden"> finding {i + 1}</span>
              </Button>
            </li>
          );
        })}
      </ol>
      <div>
        <Button variant="secondary" onClick={() => onChange([...findings, newFinding(startAt)])}>
          Add a finding
        </Button>
      </div>
    </div>
  );
}
