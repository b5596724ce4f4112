import { type ReactNode, useId } from 'react';
import { FieldNotes } from './Field.js';
import './FieldGroup.css';

interface FieldGroupProps {
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
export function FieldGroup({ legend, hint, error, optional, hideLegend, className, children }: FieldGroupProps) {
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
      <FieldNotes hint={hint} hintId={hintId} error={error} errorId={errorId} />
      {children({ describedBy: errorId, invalid: error ? true : undefined })}
    </fieldset>
  );
}
