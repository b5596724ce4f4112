import { type ReactNode, useId } from 'react';
import { AlertIcon } from './icons.js';
import './Field.css';

export interface FieldProps {
  label: string;
  hint?: ReactNode;
  error?: string;
  /** Marks the label "(optional)"; fields are required unless they say so. */
  optional?: boolean;
}

interface FieldControlIds {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/** Label above, then hint, then error, then the control: the error stays visible above a tablet keyboard. */
export function FieldFrame({
  label,
  hint,
  error,
  optional,
  id: givenId,
  children,
}: FieldProps & { id?: string; children: (ids: FieldControlIds) => ReactNode }) {
  const generated = useId();
  const id = givenId ?? generated;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
        {optional && <span className="field__optional"> (optional)</span>}
      </label>
      <FieldNotes hint={hint} hintId={hintId} error={error} errorId={errorId} />
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
    </div>
  );
}

/** The hint, then the error, under a label or legend; the ids are what the control is described by. */
export function FieldNotes({ hint, hintId, error, errorId }: { hint?: ReactNode; hintId?: string; error?: string; errorId?: string }) {
  return (
    <>
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
    </>
  );
}
