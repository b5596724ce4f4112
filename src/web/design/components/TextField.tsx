import type { InputHTMLAttributes } from 'react';
import { FieldFrame, type FieldProps } from './Field.js';

type TextFieldProps = FieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'aria-describedby' | 'aria-invalid'> & { name: string };

/** A text, email or password input with its label always visible. */
export function TextField({ label, hint, error, optional, id, className, type = 'text', ...input }: TextFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} optional={optional} id={id}>
      {(ids) => (
        <input
          {...input}
          {...ids}
          type={type}
          required={!optional && !input.readOnly}
          className={['field__control', className].filter(Boolean).join(' ')}
        />
      )}
    </FieldFrame>
  );
}
