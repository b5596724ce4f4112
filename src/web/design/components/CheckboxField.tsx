import { type InputHTMLAttributes, type ReactNode, useId } from 'react';
import { AlertIcon } from './icons.js';
import './CheckboxField.css';

type CheckboxFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'aria-describedby' | 'aria-invalid'> & {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
};

/** One large checkbox with its label beside it; the whole row is the touch target. */
export function CheckboxField({ label, hint, error, id: givenId, className, ...input }: CheckboxFieldProps) {
  const generated = useId();
  const id = givenId ?? generated;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={['checkbox-field', error && 'checkbox-field--invalid', className].filter(Boolean).join(' ')}>
      <input
        {...input}
        id={id}
        type="checkbox"
        className="checkbox-field__input"
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        aria-invalid={error ? true : undefined}
      />
      <div className="checkbox-field__text">
        <label htmlFor={id} className="checkbox-field__label">
          {label}
        </label>
        {hint && (
          <p id={hintId} className="checkbox-field__hint">
            {hint}
          </p>
        )}
        {error && (
          <p id={errorId} className="checkbox-field__error">
            <AlertIcon size={18} />
            <span>{error}</span>
          </p>
        )}
      </div>
    </div>
  );
}
