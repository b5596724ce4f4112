import type { TextareaHTMLAttributes } from 'react';
import './TextAreaField.css';
import { FieldFrame, type FieldProps } from './Field.js';

type TextAreaFieldProps = FieldProps &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'aria-describedby' | 'aria-invalid'> & { name: string };

/** Several lines of text (notes, goals) with the label always visible. */
export function TextAreaField({ label, hint, error, optional, id, className, rows = 3, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} optional={optional} id={id}>
      {(ids) => (
        <textarea
          {...textarea}
          {...ids}
          rows={rows}
          required={!optional && !textarea.readOnly}
          className={['field__control', 'field__textarea', className].filter(Boolean).join(' ')}
        />
      )}
    </FieldFrame>
  );
}
