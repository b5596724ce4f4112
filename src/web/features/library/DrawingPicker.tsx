import { useId, useState } from 'react';
import type { Exercise } from '../../../shared/api/exercises.js';
import type { Drawing } from '../../../shared/figure/schema.js';
import { ItemDrawing } from '../../components/ItemDrawing.js';
import { Button, ChoiceChips, TextField } from '../../design/components/index.js';

const SHOWN = 8;
const SIDES = [
  { value: 'both', label: 'Both sides' },
  { value: 'left', label: 'Left side' },
  { value: 'right', label: 'Right side' },
] as const;
type Side = (typeof SIDES)[number]['value'];

interface DrawingPickerProps {
  pose: string | undefined;
  drawing: Drawing | undefined;
  /** The library, for its built-in items' drawings. */
  catalogue: Exercise[];
  /** Body areas chosen on the form: the drawings for them are offered first. */
  regions: string[];
  /** The item's own drawing as saved, when editing. */
  saved?: Pick<Exercise, 'drawingUrl' | 'drawingAlt' | 'drawingSize' | 'pose'>;
  error?: string;
  onChange: (pose: string | undefined, drawing: Drawing | undefined) => void;
}

/** A drawing (or none yet: the pose as drawn, facing right, no props) on the given side. */
const withSide = (drawing: Drawing | undefined, side: Side): Drawing => ({ props: [], facing: 'right', ...drawing, side });

const sameDrawing = (a: Drawing | undefined, b: Drawing | undefined) =>
  JSON.stringify({ ...a, side: undefined }) === JSON.stringify({ ...b, side: undefined });

/**
 * Choose the picture a client sets up from: a built-in item's drawing (its pose and props, copied
 * into this item), on the side this item works. The areas chosen above are the ones shaded.
 */
export function DrawingPicker({ pose, drawing, catalogue, regions, saved, error, onChange }: DrawingPickerProps) {
  const [query, setQuery] = useState('');
  const resultsId = useId();
  const drawn = catalogue.filter((e) => e.source === 'builtin' && e.pose);
  const chosen = pose
    ? (drawn.find((e) => e.pose === pose && sameDrawing(e.drawing, drawing)) ?? drawn.find((e) => e.pose === pose))
    : undefined;
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const matches = words.length
    ? drawn.filter((e) => words.every((w) => `${e.name} ${e.slug}`.toLowerCase().includes(w)))
    : drawn.filter((e) => e.regions.some((r) => regions.includes(r)));
  const preview = saved && saved.pose === pose && !chosen ? saved : chosen;

  return (
    <div className="drawing-picker stack">
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      {pose ? (
        <div className="drawing-picker__chosen">
          {preview && <ItemDrawing item={preview} size="thumb" eager />}
          <div className="stack">
            <p>
              <strong>Drawn like: </strong>
              {chosen ? chosen.name : pose}
            </p>
            <ChoiceChips<Side>
              legend="Side it works"
              name="drawing-side"
              options={SIDES}
              value={drawing?.side ?? 'both'}
              onChange={(side) => onChange(pose, withSide(drawing, side))}
            />
            <div>
              <Button variant="ghost" onClick={() => onChange(undefined, undefined)}>
                Use no drawing
              </Button>
            </div>
          </div>
        </div>
      ) : (
        <p className="muted">No drawing chosen. Choose one below, or add a photo of the position after saving.</p>
      )}

      <TextField
        label="Find a drawing"
        optional
        hint="By the name of a library item with the same position, like “ball at the wall” or “lying on your back”."
        type="search"
        name="drawing-search"
        autoComplete="off"
        value={query}
        aria-controls={resultsId}
        onChange={(e) => setQuery(e.target.value)}
      />
      <p role="status" className="small muted">
        {words.length > 0 && countText(matches.length)}
        {words.length === 0 && matches.length > 0 && `Library drawings of the areas you chose (${matches.length}). Search for others.`}
      </p>
      <ul id={resultsId} className="plain-list drawing-picker__grid">
        {matches.slice(0, SHOWN).map((e) => {
          const isChosen = chosen?.id === e.id;
          return (
            <li key={e.id}>
              <button
                type="button"
                className="drawing-picker__option"
                aria-pressed={isChosen}
                onClick={() => onChange(e.pose, withSide(e.drawing, drawing?.side ?? e.drawing?.side ?? 'both'))}
              >
                <ItemDrawing item={{ ...e, drawingAlt: '' }} size="thumb" />
                <span>{e.name}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function countText(n: number): string {
  if (n === 0) return 'No library drawing matches.';
  if (n > SHOWN) return `${n} drawings match; the first ${SHOWN} are shown.`;
  return n === 1 ? '1 drawing matches.' : `${n} drawings match.`;
}
