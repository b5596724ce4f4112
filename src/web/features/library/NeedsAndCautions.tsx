import { CAUTIONS, type Caution, cautionSlugs, TOOLS } from '../../../shared/vocabulary.js';
import { Button, ChipGroup, FieldGroup } from '../../design/components/index.js';
import type { CautionLevel } from './exerciseDraft.js';
import { optionsOf, toolsText } from './libraryText.js';

const TOOL_OPTIONS = optionsOf(TOOLS);

interface ToolNeedsFieldProps {
  needs: string[][];
  onChange: (needs: string[][]) => void;
  errors: Record<string, string | undefined>;
}

/**
 * What the client needs at home. Each need is met by any one of its tools ("a tennis ball or a
 * lacrosse ball"); an item can have several needs ("a foam roller, and a wall"), or none.
 */
export function ToolNeedsField({ needs, onChange, errors }: ToolNeedsFieldProps) {
  const setNeed = (index: number, tools: string[]) => onChange(needs.map((n, i) => (i === index ? tools : n)));
  return (
    <FieldGroup
      legend="What they need at home"
      hint="Add a need for each thing the client must have. Tick every tool that would do for that need."
      error={errors.tools}
    >
      {() => (
        <div className="stack">
          <p className="muted" aria-live="polite">
            In short: {toolsText(needs.filter((n) => n.length > 0))}
          </p>
          {needs.map((need, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: needs are edited in place; the position is their identity.
            <div key={index} className="tool-need">
              <ChipGroup
                legend={`Need ${index + 1}: any one of`}
                name={`tools.${index}`}
                options={TOOL_OPTIONS}
                selected={need}
                error={errors[`tools.${index}`]}
                onChange={(tools) => setNeed(index, tools)}
              />
              <div>
                <Button variant="ghost" onClick={() => onChange(needs.filter((_, i) => i !== index))}>
                  Remove need {index + 1}
                </Button>
              </div>
            </div>
          ))}
          <div>
            <Button variant="secondary" onClick={() => onChange([...needs, []])}>
              {needs.length === 0 ? 'Add something they need' : 'Add another need'}
            </Button>
          </div>
        </div>
      )}
    </FieldGroup>
  );
}

const LEVELS: { value: CautionLevel; label: string }[] = [
  { value: 'none', label: 'Fine' },
  { value: 'warn', label: 'Take care' },
  { value: 'exclude', label: 'Not for them' },
];

interface CautionsFieldProps {
  cautions: Record<Caution, CautionLevel>;
  onChange: (cautions: Record<Caution, CautionLevel>) => void;
  errors: Record<string, string | undefined>;
}

/** For each health caution: fine, a warning when suggested, or never suggested to that client. */
export function CautionsField({ cautions, onChange, errors }: CautionsFieldProps) {
  return (
    <FieldGroup
      legend="Health cautions"
      hint="“Take care” shows a warning when the item is suggested. “Not for them” means Carryover never suggests it to a client with that caution."
      error={errors.excludedBy ?? errors.cautionWith}
    >
      {() => (
        <div className="cautions">
          {cautionSlugs.map((caution) => (
            <fieldset key={caution} className="caution-row">
              <legend className="caution-row__name">{CAUTIONS[caution]}</legend>
              <div className="segmented">
                {LEVELS.map((level) => (
                  <label key={level.value} className={`segmented__option segmented__option--${level.value}`}>
                    <input
                      type="radio"
                      name={`caution-${caution}`}
                      value={level.value}
                      checked={cautions[caution] === level.value}
                      onChange={() => onChange({ ...cautions, [caution]: level.value })}
                    />
                    <span>{level.label}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
        </div>
      )}
    </FieldGroup>
  );
}
