// Form controls the item form needs beyond the design system's fields: a labelled group, and an editable list.
import { type ReactNode, useId } from 'react';
import { AlertIcon, Button, TextAreaField } from '../../design/components/index.js';

interface GroupFrameProps {
  legend: string;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  /** Keeps the legend for screen readers only, when a heading just above says the same. */
  hideLegend?: boolean;
  className?: string;
  children: (ids: { describedBy?: string; invalid?: true }) => ReactNode;
}

/** A fieldset with the same label, hint and error layout as a single field. */
export function GroupFrame({ legend, hint, error, optional, hideLegend, className, children }: GroupFrameProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={['field-group', className].filter(Boolean).join(' ')} aria-describedby={describedBy}>
      <legend className={hideLegend ? 'visually-hidden' : 'field__label field-group__legend'}>
        {legend}
        {optional && <span className="field__optional"> (optional)</span>}
      </legend>
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          <AlertIcon size={18} />
          <span>{error}</span>
        </p>
      )}
      {children({ describedBy: errorId, invalid: error ? true : undefined })}
    </fieldset>
  );
}

interface LinesFieldProps {
  legend: string;
  name: string;
  hint?: ReactNode;
  /** Messages keyed "name" for the list and "name.2" for one line. */
  errors: Record<string, string | undefined>;
  lines: string[];
  onChange: (lines: string[]) => void;
  lineLabel: (index: number) => string;
  addLabel: string;
  min?: number;
  max: number;
  optional?: boolean;
  numbered?: boolean;
}

/** An editable list of short texts: steps, cues, mistakes. */
export function LinesField({
  legend,
  name,
  hint,
  errors,
  lines,
  onChange,
  lineLabel,
  addLabel,
  min = 0,
  max,
  optional,
  numbered,
}: LinesFieldProps) {
  const setLine = (index: number, text: string) => onChange(lines.map((l, i) => (i === index ? text : l)));
  const List = numbered ? 'ol' : 'ul';
  return (
    <GroupFrame legend={legend} hint={hint} error={errors[name]} optional={optional}>
      {() => (
        <>
          <List className="plain-list line-list">
            {lines.map((line, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: lines are edited in place; the position is their identity.
              <li key={index} className="line-list__item">
                <TextAreaField
                  label={lineLabel(index)}
                  name={`${name}.${index}`}
                  rows={numbered ? 2 : 1}
                  value={line}
                  error={errors[`${name}.${index}`]}
                  onChange={(e) => setLine(index, e.target.value)}
                />
                {lines.length > min && (
                  <Button variant="ghost" onClick={() => onChange(lines.filter((_, i) => i !== index))}>
                    Remove<span className="visually-hidden"> {lineLabel(index).toLowerCase()}</span>
                  </Button>
                )}
              </li>
            ))}
          </List>
          {lines.length < max && (
            <div>
              <Button variant="secondary" onClick={() => onChange([...lines, ''])}>
                {addLabel}
              </Button>
            </div>
          )}
        </>
      )}
    </GroupFrame>
  );
}
