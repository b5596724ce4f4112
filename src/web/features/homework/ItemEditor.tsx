import { useId } from 'react';
import type { Dose } from '../../../shared/exercise.js';
import { CheckboxField, TextAreaField, TextField } from '../../design/components/index.js';
import { DOSE_LABELS, type DoseDraft, type DoseNumber, fieldsOf, limitsOf } from './doseDraft.js';

export interface ItemDraft {
  dose: DoseDraft;
  note: string;
}

interface ItemEditorProps {
  itemName: string;
  /** The dose the fields are chosen from: the item's own, or the one given. */
  baseDose: Dose;
  draft: ItemDraft;
  onChange: (draft: ItemDraft) => void;
  /** Messages keyed like the server's: "dose.reps", "note". */
  errors: Record<string, string>;
  clientFirstName: string;
}

/** The dose in the item's own terms and a cue in the therapist's words, for one item. */
export function ItemEditor({ itemName, baseDose, draft, onChange, errors, clientFirstName }: ItemEditorProps) {
  const id = useId();
  const setNumber = (key: DoseNumber, value: string) =>
    onChange({ ...draft, dose: { ...draft.dose, numbers: { ...draft.dose.numbers, [key]: value } } });
  return (
    <fieldset className="item-editor">
      <legend className="visually-hidden">Dose and cue for {itemName}</legend>
      <div className="item-editor__dose">
        {fieldsOf(baseDose).map((key) => (
          <TextField
            key={key}
            id={`${id}-${key}`}
            label={DOSE_LABELS[key]}
            name={`dose.${key}`}
            type="number"
            inputMode={key === 'minutes' ? 'decimal' : 'numeric'}
            step={key === 'minutes' ? 0.5 : 1}
            {...limitsOf(key)}
            optional={key !== 'daysPerWeek'}
            value={draft.dose.numbers[key] ?? ''}
            error={errors[`dose.${key}`]}
            onChange={(e) => setNumber(key, e.target.value)}
          />
        ))}
      </div>
      <CheckboxField
        id={`${id}-perSide`}
        name="dose.perSide"
        label="On each side"
        checked={draft.dose.perSide}
        onChange={(e) => onChange({ ...draft, dose: { ...draft.dose, perSide: e.target.checked } })}
      />
      <TextAreaField
        id={`${id}-note`}
        label={`Your cue for ${clientFirstName}`}
        name="note"
        optional
        rows={2}
        maxLength={500}
        hint="In your words, on their handout and page. Like: “Breathe out as you lean in.”"
        value={draft.note}
        error={errors.note}
        onChange={(e) => onChange({ ...draft, note: e.target.value })}
      />
    </fieldset>
  );
}
